## Chung

bot-name = Trợ lý Chi bộ
error-generic = Xin lỗi đồng chí, Trợ lý gặp sự cố khi xử lý yêu cầu này. Đồng chí vui lòng thử lại sau ít phút.
unknown-command = Trợ lý chưa hiểu lệnh { $command }. Đồng chí gõ /help để xem các lệnh có thể dùng.
unknown-text-private = Trợ lý chỉ hiểu các lệnh và nút bấm. Đồng chí gõ /help để xem hướng dẫn.
refused-admin-only = Lệnh này chỉ dành cho quản trị viên Đảng ủy. Đồng chí có thể xem thông tin của mình bằng /me.
refused-private-only = Lệnh này chỉ dùng trong trò chuyện riêng với Trợ lý. Đồng chí bấm vào tên Trợ lý rồi chọn “Bắt đầu”.
button-not-for-you = Nút này không dành cho đồng chí.
button-expired = Nút này đã hết hiệu lực.

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

## /start

start-welcome =
    Kính chào đồng chí { $name }!
    Tôi là Trợ lý Chi bộ. Tôi sẽ gửi riêng cho đồng chí lịch sinh hoạt, nhiệm vụ được giao và các câu hỏi lấy ý kiến của chi bộ.
    Mỗi việc chỉ cần bấm một hoặc hai nút. Gõ /help để xem hướng dẫn, /me để xem thông tin của đồng chí.
start-welcome-back = Chào mừng đồng chí { $name } trở lại. Từ nay Trợ lý có thể nhắn riêng cho đồng chí. Gõ /me để xem thông tin của đồng chí.
start-in-group = Kính chào các đồng chí! Để nhận nhắc việc riêng, mỗi đồng chí bấm vào tên Trợ lý rồi chọn “Bắt đầu”.

## /help

help-header = Hướng dẫn sử dụng Trợ lý Chi bộ
help-member =
    /me — thông tin của đồng chí: chi bộ, vai trò
    /lang — đổi ngôn ngữ (Tiếng Việt / English)
    /help — xem lại hướng dẫn này
    Khi nhận tin nhắn có nút bấm, đồng chí chỉ cần bấm nút phù hợp.
help-admin =
    Dành cho quản trị viên Đảng ủy:
    /add_admin — thêm quản trị viên (trả lời tin nhắn của người đó, hoặc ghi mã số Telegram)
    /admins — danh sách quản trị viên

## /lang

lang-choose = Đồng chí chọn ngôn ngữ:
lang-changed = Đã chuyển sang Tiếng Việt.
lang-unknown = Trợ lý chưa hỗ trợ ngôn ngữ “{ $given }”. Đồng chí chọn: vi (Tiếng Việt) hoặc en (English).
lang-button-vi = Tiếng Việt
lang-button-en = English

## /me

me-header = Thông tin của đồng chí { $name }
me-no-cells = Đồng chí chưa thuộc chi bộ nào trên Trợ lý. Khi Bí thư chi bộ gửi lời mời, đồng chí bấm nút tham gia.
me-cell-line = • { $cell }: { $role }, đảng viên { $status }
me-admin = • { role-admin }
me-reachable-yes = Nhắc riêng: đã bật — Trợ lý có thể nhắn riêng cho đồng chí.
me-reachable-no = Nhắc riêng: chưa bật — đồng chí mở trò chuyện riêng với Trợ lý và bấm “Bắt đầu” để nhận nhắc việc.
me-language = Ngôn ngữ: Tiếng Việt (đổi bằng /lang)

## Quản trị viên

add-admin-usage = Cách dùng: trả lời tin nhắn của người cần thêm bằng /add_admin, hoặc gõ /add_admin kèm mã số Telegram của họ (ví dụ /add_admin 123456789).
add-admin-bad-id = “{ $given }” không phải là mã số Telegram hợp lệ. Mã số là một dãy chữ số, ví dụ 123456789.
add-admin-done = Đã thêm { $who } làm quản trị viên Đảng ủy.
add-admin-already = { $who } đã là quản trị viên Đảng ủy.
admins-header = Quản trị viên Đảng ủy ({ $count }):
admins-line = • { $who }{ $fromConfig ->
        [yes] {" "}(cấu hình hệ thống)
       *[no] {""}
    }

## Mô tả lệnh (hiện trong menu Telegram)

cmd-start = Bắt đầu và nhận nhắc việc riêng
cmd-help = Hướng dẫn sử dụng
cmd-me = Thông tin của tôi
cmd-lang = Đổi ngôn ngữ
cmd-add-admin = Thêm quản trị viên Đảng ủy
cmd-admins = Danh sách quản trị viên

## Nhắn gửi theo lịch

delivery-test = { $text }

## Chi bộ và quyền hạn (dùng chung)

organisation-default-name = Đảng bộ phường
cell-not-registered = Nhóm này chưa được đăng ký là chi bộ. Quản trị viên Đảng ủy gõ /register_cell <tên chi bộ> trong nhóm để đăng ký.
cell-choose-in-group =
    Đồng chí phụ trách nhiều chi bộ:
    { $cells }
    Xin gõ lệnh này trong nhóm của chi bộ cần làm việc.
refused-secretary-only = Lệnh này chỉ dành cho Bí thư hoặc Phó Bí thư chi bộ. Đồng chí có thể xem việc của mình bằng /me.
refused-group-leader-only = Lệnh này chỉ dành cho Tổ trưởng tổ đảng, Bí thư hoặc Phó Bí thư chi bộ.
refused-members-only = Lệnh này chỉ dành cho đảng viên của chi bộ. Nếu đồng chí muốn tham gia, xin liên hệ Bí thư chi bộ.
member-ref-missing = Xin cho biết đồng chí nào: trả lời tin nhắn của đồng chí đó, hoặc ghi @tên, hoặc số thứ tự trong /members.
member-ref-unknown = Không tìm thấy đảng viên “{ $given }” trong chi bộ. Xin kiểm tra lại bằng /members (có thể ghi số thứ tự, ví dụ #3).
member-ref-ambiguous =
    Có nhiều đảng viên khớp với “{ $given }”:
    { $candidates }
    Xin gõ lại lệnh với số thứ tự, ví dụ #3.
