## Nhập danh sách đảng viên (/import)

roster-usage = Cách nhập danh sách: gửi tệp CSV hoặc Excel (.xlsx) kèm chú thích /import, hoặc trả lời tin nhắn có tệp bằng lệnh /import. Dòng tiêu đề cần có cột “Họ và tên”; có thể thêm các cột “Vai trò”, “Tổ đảng”, “Tình trạng”.
roster-too-large = Tệp quá lớn: Trợ lý chỉ nhận tệp danh sách không quá { $limit }. Xin chia danh sách thành nhiều tệp nhỏ hơn rồi gửi lần lượt. Chưa có đảng viên nào được nhập.
roster-download-failed = Trợ lý chưa tải được tệp từ Telegram. Đồng chí vui lòng gửi lại tệp sau ít phút. Chưa có đảng viên nào được nhập.
roster-file-empty = Tệp không có nội dung. Xin kiểm tra lại tệp danh sách rồi gửi lại. Chưa có đảng viên nào được nhập.
roster-file-no-rows = Tệp chỉ có dòng tiêu đề, chưa có tên đảng viên nào. Xin điền danh sách bên dưới dòng tiêu đề rồi gửi lại.
roster-missing-name-column =
    Trợ lý không tìm thấy cột họ tên trong tệp (các cột đọc được: { $found }).
    Dòng tiêu đề cần có cột “Họ và tên”; có thể thêm các cột “Vai trò”, “Tổ đảng”, “Tình trạng”. Chưa có đảng viên nào được nhập.
roster-too-many-rows = Tệp có { $rows } dòng, vượt quá giới hạn { $limit } dòng cho mỗi lần nhập. Xin chia thành nhiều tệp nhỏ hơn rồi gửi lần lượt. Chưa có đảng viên nào được nhập.
roster-unclosed-quote = Tệp CSV bị lỗi dấu ngoặc kép từ dòng { $row } (có dấu mở ngoặc nhưng không có dấu đóng). Xin mở tệp bằng Excel, lưu lại rồi gửi lại. Chưa có đảng viên nào được nhập.
roster-not-a-table = Tệp này không phải bảng danh sách. Trợ lý nhận tệp CSV hoặc Excel (.xlsx). Chưa có đảng viên nào được nhập.
roster-xlsx-invalid = Tệp này không phải tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng. Xin mở tệp bằng Excel, chọn “Lưu thành” dạng .xlsx hoặc CSV rồi gửi lại. Chưa có đảng viên nào được nhập.
roster-xls-old = Trợ lý chưa đọc được tệp Excel dạng cũ (.xls). Xin mở tệp bằng Excel, chọn “Lưu thành” dạng .xlsx hoặc CSV UTF-8 rồi gửi lại. Chưa có đảng viên nào được nhập.
roster-working = Trợ lý đã nhận tệp “{ $file }” của { $cell } và đang nhập danh sách. Kết quả và đường link cá nhân của từng đảng viên sẽ được gửi vào đây.
roster-need-private = Đồng chí { $name } chưa mở trò chuyện riêng với Trợ lý, nên Trợ lý chưa thể gửi riêng đường link cá nhân của từng đảng viên (các link này không được đăng trong nhóm). Đồng chí bấm nút bên dưới, chọn “Bắt đầu”, rồi gửi lại tệp kèm lệnh /import. Chưa có đảng viên nào được nhập.
roster-open-private-button = Mở trò chuyện riêng với Trợ lý
roster-report-header = 📋 Kết quả nhập danh sách vào { $cell } (tệp “{ $file }”)
roster-report-counts = Đã nhận: { $accepted } đảng viên. Bị từ chối: { $refused } dòng.
roster-report-groups-created = Tổ đảng mới được tạo: { $groups }.
roster-report-leader-set = Đồng chí { $name } được ghi là Tổ trưởng { $group }.
roster-report-refused-header = Các dòng bị từ chối (đồng chí sửa lại rồi gửi các dòng này trong một tệp mới):
roster-refused-line = • Dòng { $row } ({ $name }): { $reason }
roster-refused-line-noname = • Dòng { $row }: { $reason }
roster-reason-name-empty = thiếu họ tên.
roster-reason-name-too-long = họ tên dài quá 100 ký tự.
roster-reason-name-no-letters = họ tên không có chữ cái.
roster-reason-name-bad-characters = họ tên có ký tự không hợp lệ (biểu tượng cảm xúc hoặc ký hiệu).
roster-reason-name-mixed-scripts = họ tên lẫn chữ của nhiều bảng chữ cái khác nhau; xin gõ lại bằng chữ Việt.
roster-reason-role-unknown = vai trò “{ $given }” không hợp lệ. Xin ghi một trong: bí thư, phó bí thư, chi ủy viên, tổ trưởng, đảng viên (để trống là đảng viên).
roster-reason-status-unknown = tình trạng “{ $given }” không hợp lệ. Xin ghi một trong: chính thức, dự bị, miễn sinh hoạt (để trống là chính thức).
roster-reason-group-invalid = tên tổ đảng “{ $given }” không hợp lệ (cần có chữ hoặc số, không quá 64 ký tự, không có biểu tượng).
roster-reason-duplicate-in-file = trùng họ tên với dòng { $firstRow } trong tệp. Nếu là hai người khác nhau, xin ghi thêm chi tiết để phân biệt, ví dụ năm sinh: Nguyễn Văn An (1958).
roster-reason-already-member = chi bộ đã có đảng viên cùng họ tên.
roster-report-none-accepted = Không có dòng nào được nhận; danh sách chi bộ chưa thay đổi.
roster-report-links-header = Đường link nhận tài khoản của từng đảng viên. Mỗi link chỉ dành riêng cho một người: xin gửi riêng cho đúng đồng chí đó, không đăng lên nhóm. Khi đồng chí ấy mở link và bấm “Bắt đầu”, tài khoản Telegram được ghi nhận vào chi bộ.
roster-link-line = #{ $number } { $name }: { $link }
roster-group-summary = Đã nhập danh sách vào { $cell }: nhận { $accepted } đảng viên, từ chối { $refused } dòng. Báo cáo chi tiết và đường link cá nhân của từng người đã được gửi riêng cho đồng chí { $name }.
roster-group-summary-undelivered = Đã nhập danh sách vào { $cell }: nhận { $accepted } đảng viên, từ chối { $refused } dòng. Trợ lý chưa gửi được báo cáo riêng cho đồng chí { $name }; đường link cá nhân không được đăng trong nhóm. Xin đồng chí mở trò chuyện riêng với Trợ lý và báo quản trị viên Đảng ủy.
roster-xlsx-too-large = Tệp Excel này khi giải nén ra lớn bất thường (quá 10 MB) hoặc chứa quá nhiều thành phần, nên Trợ lý không đọc. Xin mở tệp trong Excel, chép riêng bảng danh sách sang một tệp mới (hoặc “Lưu thành” CSV UTF-8) rồi gửi lại. Chưa có đảng viên nào được nhập.
roster-import-busy = Trợ lý đang nhập một danh sách khác vào { $cell }. Xin đồng chí chờ việc đó xong (thường chỉ vài giây) rồi gửi lại tệp với /import.

## Mô tả lệnh

cmd-import = Nhập danh sách đảng viên từ tệp CSV hoặc Excel
