## Chung

error-generic = Xin lỗi đồng chí, Trợ lý gặp sự cố khi xử lý yêu cầu này. Đồng chí vui lòng thử lại sau ít phút.
unknown-command = Trợ lý chưa hiểu lệnh { $command }. Đồng chí gõ /help để xem các lệnh có thể dùng.
unknown-text-private = Trợ lý chỉ hiểu các lệnh và nút bấm. Đồng chí gõ /help để xem hướng dẫn.
refused-admin-only = Lệnh này chỉ dành cho quản trị viên Đảng ủy. Đồng chí có thể xem thông tin của mình bằng /me.
refused-private-only = Lệnh này chỉ dùng trong trò chuyện riêng với Trợ lý. Đồng chí bấm vào tên Trợ lý rồi chọn “Bắt đầu”.
button-not-for-you = Nút này không dành cho đồng chí.
button-expired = Nút này đã hết hiệu lực.
typed-answer-cancel-button = ✖️ Thôi
typed-answer-cancelled = Đã thôi, đồng chí không cần trả lời câu hỏi này nữa.
typed-answer-not-yours = Câu hỏi này đang chờ câu trả lời của đồng chí khác; Trợ lý không ghi nhận tin nhắn của đồng chí.
typed-answer-text-only = Câu hỏi này cần câu trả lời bằng chữ. Xin đồng chí gõ rồi gửi.

## Vai trò và tình trạng

role-secretary = Bí thư
role-deputy = Phó Bí thư
role-committee = Chi ủy viên
role-group_leader = Tổ trưởng tổ đảng
role-member = Đảng viên
role-admin = Quản trị viên Đảng ủy
status-official = chính thức
status-probationary = dự bị
status-exempt = miễn sinh hoạt

## Chi bộ và quyền hạn

organisation-default-name = Đảng bộ phường
cell-not-registered = Nhóm này chưa được đăng ký là chi bộ. Quản trị viên Đảng ủy gõ /register_cell <tên chi bộ> trong nhóm để đăng ký.
cell-pick = Đồng chí phụ trách nhiều chi bộ. Xin chọn chi bộ cho lệnh:
cell-picked = Đã chọn { $cell }.
cell-choose-in-group =
    Đồng chí phụ trách nhiều chi bộ:
    { $cells }
    Xin gõ lệnh này trong nhóm của chi bộ cần làm việc.
refused-secretary-only = Lệnh này chỉ dành cho Bí thư hoặc Phó Bí thư chi bộ. Đồng chí có thể xem việc của mình bằng /me.
refused-group-leader-only = Lệnh này chỉ dành cho Tổ trưởng tổ đảng, Bí thư hoặc Phó Bí thư chi bộ.
refused-members-only = Lệnh này chỉ dành cho đảng viên của chi bộ. Nếu đồng chí muốn tham gia, xin liên hệ Bí thư chi bộ.

## Tên (chi bộ, Đảng bộ, đảng viên)

name-too-long = Tên quá dài. Xin ghi tên không quá 100 ký tự.
name-no-letters = Tên cần có chữ cái. Xin ghi lại tên bằng chữ, ví dụ: Chi bộ Khu phố 1.

## Ngày giờ

datetime-problem-empty =
    Đồng chí chưa ghi ngày giờ. Xin ghi ngày trước tháng sau, ví dụ: “05/12 19h30”, “thứ 6 tuần sau 19:30” hoặc “mai 7h tối”.
datetime-problem-unrecognised =
    Trợ lý chưa hiểu “{ $given }” là ngày giờ nào. Xin ghi ngày trước tháng sau, ví dụ: “05/12 19h30”, “5/12/2026 19:30”, “thứ 6 tuần sau 19:30”, “mai 7h tối” hoặc “cuối tháng 14h”.
datetime-problem-impossible_date =
    Không có ngày “{ $given }” trên lịch (ví dụ tháng 11 chỉ có 30 ngày, tuần chỉ có thứ 2 đến thứ 7 và chủ nhật). Xin đồng chí kiểm tra lại, ví dụ: “05/12 19h30” hoặc “thứ 6 tuần sau 19:30”.
datetime-problem-impossible_time =
    Giờ trong “{ $given }” không hợp lệ: giờ từ 0 đến 23, phút từ 0 đến 59, và buổi phải khớp với giờ (không có “15h sáng”). Xin ghi lại, ví dụ: “19h30”, “19:30” hoặc “7h tối”.
datetime-problem-ambiguous =
    “{ $given }” có thể hiểu theo nhiều cách nên Trợ lý không dám đoán. Xin đồng chí ghi rõ hơn: giờ kèm buổi hoặc theo 24 giờ (“7h sáng”, “19h”), ngày đầy đủ (“05/12”) hoặc “thứ 6 tuần sau” thay cho “thứ 6” khi hôm nay cũng là thứ 6.
datetime-problem-past =
    Thời điểm “{ $given }” đã qua rồi. Xin đồng chí chọn một ngày giờ sắp tới, ví dụ: “05/12 19h30” hoặc “thứ 6 tuần sau 19:30”; nếu định nói sang năm sau, xin ghi cả năm, ví dụ: “05/01/2027”.
datetime-problem-missing_time =
    Đồng chí mới ghi ngày, còn thiếu giờ. Xin ghi cả ngày và giờ, ví dụ: “05/12 19h30”, “thứ 6 tuần sau 19:30” hoặc “mai 7h tối”.

# What an ambiguous date or time leaves open (issue 9: say it instead of a generic text).
datetime-ambiguous-hour = “{ $given }”: đồng chí định { $first } hay { $second }?
datetime-hour-morning = { $time } sáng
datetime-hour-afternoon = { $time } chiều
datetime-hour-evening = { $time } tối
datetime-ambiguous-midnight =
    “{ $given }”: 12 giờ đêm là đầu hay cuối ngày đó? Xin đồng chí ghi rõ, ví dụ “23h30” hoặc “0h ngày 06/12”.
datetime-ambiguous-weekday-today =
    “{ $given }”: hôm nay cũng là ngày đó, nên Trợ lý chưa biết đồng chí định hôm nay hay tuần sau. Xin ghi “hôm nay”, “… tuần sau” hoặc ghi ngày, ví dụ “05/12”.
datetime-ambiguous-weekend =
    “{ $given }”: cuối tuần là thứ 7 hay chủ nhật? Xin đồng chí ghi rõ, ví dụ “thứ 7 tuần này” hoặc “05/12”.
datetime-ambiguous-which-day =
    “{ $given }”: chưa rõ ngày nào trong tuần đó. Xin đồng chí ghi thêm thứ, ví dụ “thứ 6 tuần sau”.
datetime-ambiguous-weekday-mismatch =
    “{ $given }”: thứ và ngày không khớp nhau trên lịch. Xin đồng chí kiểm tra lại.
datetime-ambiguous-two-days = “{ $given }” có hai ngày khác nhau. Xin đồng chí chỉ ghi một ngày.
datetime-ambiguous-two-values = “{ $given }” có hai giờ, hai buổi hoặc hai ngày khác nhau. Xin đồng chí chỉ ghi một.
