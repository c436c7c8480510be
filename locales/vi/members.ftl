## Cách ghi đảng viên trong lệnh: trả lời tin nhắn, @tên, số thứ tự

member-ref-missing = Xin cho biết đồng chí nào: trả lời tin nhắn của đồng chí đó, hoặc ghi @tên, hoặc số thứ tự trong /members.
member-ref-unknown = Không tìm thấy đảng viên “{ $given }” trong chi bộ. Xin kiểm tra lại bằng /members (có thể ghi số thứ tự, ví dụ #3).
member-ref-ambiguous =
    Có nhiều đảng viên khớp với “{ $given }”:
    { $candidates }
    Xin gõ lại lệnh với số thứ tự, ví dụ #3.

## Đảng viên, vai trò, tình trạng (/role, /status, /members)

member-ref-did-you-mean =
    Không có đảng viên nào tên đúng là “{ $given }”. Có phải đồng chí muốn nói:
    { $candidate }
    Nếu đúng, xin gõ lại lệnh với số thứ tự này.
member-changed-meanwhile = Thông tin của đảng viên này vừa được người khác thay đổi. Xin xem lại bằng /members rồi thử lại.
setrole-usage =
    Cách dùng: /role <đảng viên> <vai trò>, ví dụ /role @nguyenvanan phó bí thư hoặc /role #3 tổ trưởng.
    Cũng có thể trả lời tin nhắn của đồng chí đó bằng /role <vai trò>.
    Vai trò: bí thư, phó bí thư, chi ủy viên, tổ trưởng, đảng viên.
setrole-unknown-word =
    Trợ lý chưa hiểu vai trò “{ $given }”. Xin ghi vai trò ở cuối lệnh, là một trong:
    bí thư, phó bí thư, chi ủy viên (chi ủy), tổ trưởng, đảng viên.
    Ví dụ: /role #3 phó bí thư
setrole-same = Đồng chí { $name } (#{ $number }) đã là { $role }, không cần thay đổi.
setrole-done = Đã cập nhật vai trò: đồng chí { $name } (#{ $number }) từ { $before } thành { $role }.
setrole-secretary-guard = Chỉ Bí thư chi bộ hoặc quản trị viên Đảng ủy mới được giao hoặc thay đổi vai trò Bí thư.
setrole-last-secretary = Đồng chí { $name } là Bí thư duy nhất của chi bộ nên chưa thể đổi vai trò. Xin giao vai trò Bí thư cho đồng chí khác trước, hoặc đề nghị quản trị viên Đảng ủy thực hiện.
setrole-no-secretary = Lưu ý: chi bộ hiện chưa có Bí thư.
setrole-several-secretaries = Lưu ý: chi bộ hiện có { $count } Bí thư. Nếu đây là việc thay Bí thư, xin đổi vai trò của đồng chí Bí thư cũ.
setrole-leadership-cleared = Đồng chí { $name } thôi làm tổ trưởng: { $groups }.
setstatus-usage =
    Cách dùng: /status <đảng viên> <tình trạng>, ví dụ /status @nguyenvanan dự bị hoặc /status #3 miễn sinh hoạt.
    Cũng có thể trả lời tin nhắn của đồng chí đó bằng /status <tình trạng>.
    Tình trạng: chính thức, dự bị, miễn sinh hoạt.
setstatus-unknown-word =
    Trợ lý chưa hiểu tình trạng “{ $given }”. Xin ghi tình trạng ở cuối lệnh, là một trong:
    chính thức, dự bị, miễn sinh hoạt.
    Ví dụ: /status #3 chính thức
setstatus-same = Đồng chí { $name } (#{ $number }) đã là đảng viên { $status }, không cần thay đổi.
setstatus-done = Đã cập nhật: đồng chí { $name } (#{ $number }) nay là đảng viên { $status } (trước đây: { $before }).
members-empty = { $cell } chưa có đảng viên nào trên Trợ lý. Bí thư chi bộ mời đảng viên tham gia bằng /invite.
members-header = Danh sách đảng viên { $cell } ({ $count } đồng chí)
members-page = Trang { $page }/{ $pages }
members-line = { $mark } #{ $number } { $name } — { $details }
members-unreachable =
    🔕 { $count } đồng chí chưa nhận được nhắc riêng.
    Các đồng chí ấy xin bấm vào tên Trợ lý, mở trò chuyện riêng và bấm “Bắt đầu”.
members-all-reachable = 🔔 Tất cả các đồng chí đều nhận được nhắc riêng của Trợ lý.
members-page-prev = ◀ Trang trước
members-page-next = Trang sau ▶

## Mô tả lệnh

cmd-members = Danh sách đảng viên
cmd-role = Giao vai trò trong chi bộ
cmd-status = Đổi tình trạng đảng viên
