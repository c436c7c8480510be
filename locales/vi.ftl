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
    /register_cell <tên chi bộ> — đăng ký nhóm chat (gõ trong nhóm) là chi bộ
    /register_committee — đăng ký nhóm hoặc kênh nhận báo cáo của Đảng ủy
    /org_name <tên> — đặt tên Đảng bộ
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

## Thiết lập: Đảng bộ, chi bộ, kênh Đảng ủy

cell-kind-neighbourhood = khu phố
cell-kind-school = trường học
cell-kind-enterprise = doanh nghiệp
cell-kind-agency = cơ quan
cell-kind-front = Mặt trận, đoàn thể
cell-kind-other = khác
name-too-long = Tên quá dài. Xin ghi tên không quá 100 ký tự.
name-no-letters = Tên cần có chữ cái. Xin ghi lại tên bằng chữ, ví dụ: Chi bộ Khu phố 1.
group-welcome =
    Kính chào các đồng chí! Tôi là Trợ lý Chi bộ: tôi nhắc lịch sinh hoạt, giao và theo dõi nhiệm vụ, lấy ý kiến đảng viên.
    Bước tiếp theo: quản trị viên Đảng ủy gõ trong nhóm này lệnh /register_cell <tên chi bộ>, ví dụ: /register_cell Chi bộ Khu phố 1
group-welcome-back = Trợ lý đã trở lại nhóm. { $cell } hoạt động trở lại như trước.
register-cell-usage = Cách dùng: /register_cell <tên chi bộ> [| <loại>], ví dụ: /register_cell Chi bộ Khu phố 1 | khu phố. Loại: khu phố, trường học, doanh nghiệp, cơ quan, mặt trận, khác.
register-cell-in-group = Xin gõ lệnh /register_cell trong nhóm chat của chi bộ cần đăng ký (sau khi đã thêm Trợ lý vào nhóm).
register-cell-bad-kind = Loại chi bộ “{ $given }” chưa đúng. Xin chọn một trong: khu phố, trường học, doanh nghiệp, cơ quan, mặt trận, khác.
register-cell-is-committee = Nhóm này đang là nơi nhận báo cáo của Đảng ủy, không thể đăng ký làm chi bộ.
register-cell-other-organisation = Nhóm này đã thuộc một Đảng bộ khác trên Trợ lý.
register-cell-done =
    Đã đăng ký nhóm này là { $cell } (chi bộ { $kind }).
    Bước tiếp theo: Bí thư chi bộ mời đảng viên tham gia bằng /invite, hoặc gửi danh sách bằng tệp CSV/Excel kèm lệnh /import.
register-cell-updated = Đã cập nhật: nhóm này là { $cell } (chi bộ { $kind }).
cell-removed-admin-notice = Trợ lý đã bị đưa ra khỏi nhóm của { $cell }. Chi bộ tạm ngừng hoạt động trên Trợ lý; dữ liệu vẫn được giữ nguyên. Thêm Trợ lý trở lại nhóm để tiếp tục.
register-committee-usage = Cách dùng: gõ /register_committee trong nhóm của Đảng ủy; hoặc trong trò chuyện riêng: /register_committee <@tên kênh hoặc mã số kênh>, ví dụ /register_committee @dangbophuong.
register-committee-is-cell = Nhóm này đang là nhóm của một chi bộ, không thể dùng làm nơi nhận báo cáo của Đảng ủy.
register-committee-not-found = Trợ lý không tìm thấy kênh hoặc nhóm “{ $chat }”. Xin kiểm tra tên, và thêm Trợ lý vào kênh với quyền quản trị viên được đăng bài.
register-committee-bot-cannot-post = Trợ lý chưa thể đăng bài trong “{ $chat }”. Xin thêm Trợ lý làm quản trị viên với quyền đăng bài, rồi thử lại.
register-committee-caller-not-admin = Đồng chí cần là quản trị viên của “{ $chat }” để đăng ký nơi này nhận báo cáo của Đảng ủy.
register-committee-done = Đã đăng ký “{ $chat }” là nơi nhận bản tổng hợp hằng tháng và cảnh báo của { $organisation }.
register-committee-hello = Nơi này sẽ nhận bản tổng hợp hằng tháng và các cảnh báo của Trợ lý Chi bộ cho { $organisation }.
org-name-usage = Cách dùng: /org_name <tên Đảng bộ>, ví dụ: /org_name Đảng bộ phường Bến Thành
org-name-done = Đã đặt tên Đảng bộ: { $organisation }.
