## Chung

bot-name = Trợ lý Chi bộ
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
    /export_member <mã số hoặc @tên> — xuất toàn bộ dữ liệu của một người (trò chuyện riêng)
    /erase_member <mã số hoặc @tên> — xoá dữ liệu cá nhân của một người (trò chuyện riêng)
    /settings org — cài đặt chung của Đảng bộ (trò chuyện riêng)

## /lang

lang-choose = Đồng chí chọn ngôn ngữ:
lang-changed = Đã chuyển sang Tiếng Việt.
lang-unknown = Trợ lý chưa hỗ trợ ngôn ngữ “{ $given }”. Đồng chí chọn: vi (Tiếng Việt) hoặc en (English).
lang-button-vi = Tiếng Việt
lang-button-en = English

## /me

me-header = Thông tin của đồng chí { $name }
me-no-cells = Đồng chí chưa thuộc chi bộ nào trên Trợ lý. Khi Bí thư chi bộ gửi lời mời, đồng chí bấm nút tham gia.
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
    Nếu đây là nhóm của Đảng ủy (nơi nhận báo cáo), xin gõ /register_committee.
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
cell-paused-answer = { $cell } đang tạm ngừng trên Trợ lý (Trợ lý đã rời nhóm của chi bộ), nên câu trả lời của đồng chí chưa được ghi nhận. Mọi việc sẽ tiếp tục khi Trợ lý được thêm lại vào nhóm.
register-committee-usage = Cách dùng: gõ /register_committee trong nhóm của Đảng ủy; hoặc trong trò chuyện riêng: /register_committee <@tên kênh hoặc mã số kênh>, ví dụ /register_committee @dangbophuong.
register-committee-is-cell = Nhóm này đang là nhóm của một chi bộ, không thể dùng làm nơi nhận báo cáo của Đảng ủy.
register-committee-not-found = Trợ lý không tìm thấy kênh hoặc nhóm “{ $chat }”. Xin kiểm tra tên, và thêm Trợ lý vào kênh với quyền quản trị viên được đăng bài.
register-committee-bot-cannot-post = Trợ lý chưa thể đăng bài trong “{ $chat }”. Xin thêm Trợ lý làm quản trị viên với quyền đăng bài, rồi thử lại.
register-committee-caller-not-admin = Đồng chí cần là quản trị viên của “{ $chat }” để đăng ký nơi này nhận báo cáo của Đảng ủy.
register-committee-done = Đã đăng ký “{ $chat }” là nơi nhận bản tổng hợp hằng tháng và cảnh báo của { $organisation }.
register-committee-hello = Nơi này sẽ nhận bản tổng hợp hằng tháng và các cảnh báo của Trợ lý Chi bộ cho { $organisation }.
org-name-usage = Cách dùng: /org_name <tên Đảng bộ>, ví dụ: /org_name Đảng bộ phường Bến Thành
org-name-done = Đã đặt tên Đảng bộ: { $organisation }.

## Tham gia chi bộ: lời mời, yêu cầu tham gia, link cá nhân

invite-group =
    📣 { $cell } mời các đồng chí đảng viên của chi bộ cùng dùng Trợ lý Chi bộ.
    Đồng chí bấm “Tham gia chi bộ” bên dưới, Bí thư chi bộ sẽ xác nhận. Nên bấm “Tham gia và nhận nhắc riêng” để Trợ lý nhắn riêng cho đồng chí lịch sinh hoạt và nhiệm vụ.
invite-private =
    Link mời tham gia { $cell }:
    { $link }
    Đồng chí chuyển tiếp tin nhắn này cho các đảng viên của chi bộ. Khi họ mở link và bấm “Bắt đầu”, yêu cầu tham gia sẽ được gửi đến đồng chí để duyệt.
invite-button-join = 🙋 Tham gia chi bộ
invite-button-link = ✉️ Tham gia và nhận nhắc riêng
join-link-invalid = Link tham gia này không đúng hoặc đã cũ. Đồng chí vui lòng xin Bí thư chi bộ gửi lại lời mời.
join-cell-inactive = { $cell } hiện không còn hoạt động trên Trợ lý nên chưa nhận yêu cầu tham gia. Đồng chí vui lòng liên hệ Bí thư chi bộ.
join-already-member = Đồng chí đã là đảng viên của { $cell } trên Trợ lý. Gõ /me để xem thông tin của đồng chí.
join-already-pending = Yêu cầu tham gia { $cell } của đồng chí đã được gửi và đang chờ Bí thư chi bộ duyệt. Đồng chí không cần gửi lại.
join-request-sent = Đã gửi yêu cầu tham gia { $cell }. Bí thư chi bộ (hoặc quản trị viên Đảng ủy) sẽ xem và chấp thuận; Trợ lý sẽ báo lại cho đồng chí.
join-request-to-manager =
    🙋 Yêu cầu tham gia { $cell }
    Đồng chí { $name } xin tham gia chi bộ trên Trợ lý.
    Đồng chí bấm một nút bên dưới để duyệt.
join-button-approve = ✅ Chấp thuận
join-button-reject = ✖️ Từ chối
join-approved-toast = Đã chấp thuận.
join-rejected-toast = Đã từ chối.
join-decided-approved = ✅ Đã chấp thuận: đồng chí { $name } là đảng viên của { $cell } (số { $number } trong /members). Người duyệt: { $decider }.
join-decided-rejected = ✖️ Đã từ chối yêu cầu tham gia { $cell } của { $name }. Người duyệt: { $decider }.
join-decided-already = { $state ->
        [approved] Yêu cầu này đã được { $decider } chấp thuận trước đó.
       *[rejected] Yêu cầu này đã được { $decider } từ chối trước đó.
    }
join-approved-member = 🎉 Yêu cầu của đồng chí đã được chấp thuận: từ nay đồng chí là đảng viên của { $cell } trên Trợ lý. Trợ lý sẽ nhắn riêng cho đồng chí lịch sinh hoạt, nhiệm vụ và các câu hỏi lấy ý kiến. Gõ /me để xem thông tin của đồng chí.
join-rejected-member = Yêu cầu tham gia { $cell } của đồng chí chưa được chấp thuận. Nếu có nhầm lẫn, đồng chí vui lòng trao đổi trực tiếp với Bí thư chi bộ. Cảm ơn đồng chí.
join-welcome-group = 🌷 Chi bộ chào mừng đồng chí { $name } tham gia { $cell } trên Trợ lý Chi bộ.
join-welcome-group-unreachable = Đồng chí { $name } bấm “Nhận nhắc riêng” bên dưới để Trợ lý nhắn riêng lịch sinh hoạt và nhiệm vụ.
join-button-private-reminders = 🔔 Nhận nhắc riêng
claim-invalid = Link cá nhân này không còn hiệu lực: link đã được dùng hoặc không đúng. Nếu đồng chí đã dùng link này, gõ /me để xem thông tin; nếu chưa, xin Bí thư chi bộ gửi lại link.
claim-done =
    Kính chào đồng chí { $name }! Trợ lý đã ghi nhận tài khoản Telegram này là của đồng chí.
    Đồng chí là đảng viên của:
    { $cells }
    Từ nay Trợ lý sẽ nhắn riêng cho đồng chí lịch sinh hoạt, nhiệm vụ và các câu hỏi lấy ý kiến. Gõ /me để xem thông tin của đồng chí.
claim-done-no-cells = Kính chào đồng chí { $name }! Trợ lý đã ghi nhận tài khoản Telegram này là của đồng chí. Hiện đồng chí chưa thuộc chi bộ nào đang hoạt động; Bí thư chi bộ sẽ cập nhật sau.
claim-cell-line = • { $cell }: { $role }

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

## Đảng viên, vai trò, tình trạng và tổ đảng (/role, /status, /members, /group, /groups)

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
me-cell-detail = • { $cell } (#{ $number }): { $role }, đảng viên { $status }{ $hasGroup ->
        [yes] , { $group }
       *[no] {""}
    }
help-cell =
    /members — danh sách đảng viên của chi bộ
    /groups — các tổ đảng của chi bộ
    /meetings — lịch sinh hoạt của chi bộ; /agenda — nội dung cuộc họp và người phụ trách
help-secretary =
    Dành cho Bí thư, Phó Bí thư chi bộ:
    /members — danh sách đảng viên: vai trò, tình trạng, tổ đảng, nhắc riêng
    /role <đảng viên> <vai trò> — giao vai trò: bí thư, phó bí thư, chi ủy viên, tổ trưởng, đảng viên
    /status <đảng viên> <tình trạng> — đổi tình trạng: chính thức, dự bị, miễn sinh hoạt
    /group — lập tổ đảng, chỉ định tổ trưởng, thêm hoặc bớt đảng viên; /groups — xem các tổ
    /invite — mời đảng viên tham gia chi bộ trên Trợ lý
    /import — nhập danh sách đảng viên từ tệp CSV hoặc Excel
    /settings — cài đặt nhắc lịch, giờ yên lặng, ngôn ngữ của chi bộ
    /meeting <ngày> <giờ> [| <địa điểm>] [| <tiêu đề>] — thông báo buổi sinh hoạt, ví dụ /meeting 04/12 19h30 | Hội trường Khu phố 1; gõ /meeting không kèm gì để được hướng dẫn từng bước
    /meeting_schedule monthly <ngày> <giờ> [| <địa điểm>] — sinh hoạt thường kỳ hằng tháng; /meeting_schedule off để tắt
    /move_meeting #<số> <ngày> <giờ>, /cancel_meeting #<số> — dời hoặc hủy buổi sinh hoạt
    /agenda #<số> <đảng viên> <nội dung> — phân công chuẩn bị một phần nội dung
    /opinions [#<số>] — xem ý kiến đảng viên gửi trước cuộc họp (gửi riêng cho đồng chí)
    /checkin — mở điểm danh; /checkin <đảng viên> — điểm danh hộ người không dùng điện thoại thông minh
    /close_meeting [kết luận] — kết thúc, chốt điểm danh và lưu kết luận; /attendance — sửa điểm danh sau cuộc họp
    Ghi đảng viên bằng @tên, bằng số thứ tự trong /members (ví dụ #3), hoặc trả lời tin nhắn của đồng chí đó.
group-usage =
    Cách dùng lệnh /group:
    /group new <tên tổ> — lập tổ đảng mới
    /group leader <tên tổ> <đảng viên> — chỉ định tổ trưởng
    /group add <tên tổ> <các đảng viên> — thêm đảng viên vào tổ (ghi @tên hoặc số thứ tự, cách nhau bằng dấu cách hoặc dấu phẩy)
    /group remove <tên tổ> <đảng viên> — đưa đảng viên ra khỏi tổ
    /groups — xem các tổ đảng
    Ví dụ: /group add Tổ 1 @nguyenvanan, #5
group-none-yet = Chi bộ chưa có tổ đảng nào. Xin lập tổ trước bằng /group new <tên tổ>, ví dụ /group new Tổ 1.
group-not-found = Chi bộ chưa có tổ đảng “{ $given }”. Các tổ hiện có: { $groups }.
group-name-empty = Xin ghi tên tổ đảng, ví dụ /group new Tổ 1.
group-name-too-long = Tên tổ đảng dài quá ({ $length } ký tự). Xin đặt tên ngắn gọn, tối đa { $max } ký tự.
group-name-bad-chars = Tên tổ đảng chỉ nên gồm chữ, số, dấu cách và dấu câu thông thường, không dùng biểu tượng cảm xúc hay ký hiệu. Ví dụ: Tổ 1, Tổ Cơ khí.
group-name-mixed-scripts = Tên tổ đảng có lẫn nhiều loại chữ viết khác nhau (ví dụ chữ Latinh lẫn chữ Nga), dễ gây nhầm lẫn. Xin gõ lại tên bằng chữ tiếng Việt.
group-duplicate = Chi bộ đã có tổ đảng “{ $name }”. Xin chọn tên khác.
group-created =
    Đã lập tổ đảng “{ $name }”.
    Tiếp theo: /group leader { $name } <đảng viên> để chỉ định tổ trưởng, /group add { $name } <các đảng viên> để thêm đảng viên.
group-leader-already = Đồng chí { $name } (#{ $number }) đã là tổ trưởng “{ $group }”.
group-leader-done = Đã chỉ định đồng chí { $name } (#{ $number }) làm tổ trưởng “{ $group }”.
group-role-raised = Vai trò của đồng chí { $name } nay là { $role }.
group-role-lowered = Vai trò của đồng chí { $name } trở lại là { $role }.
group-leader-moved = Đồng chí { $name } chuyển từ “{ $from }” sang tổ này và thôi làm tổ trưởng “{ $from }”.
group-leader-previous = Đồng chí { $name } thôi làm tổ trưởng “{ $group }”.
group-leader-released = Đồng chí { $name } thôi làm tổ trưởng “{ $group }” vì đã chuyển tổ; tổ ấy hiện chưa có tổ trưởng.
group-add-missing = Xin ghi các đảng viên cần thêm sau tên tổ, ví dụ /group add { $group } @nguyenvanan #5.
group-add-header = Tổ đảng “{ $group }”:
group-add-added = • Đã thêm: { $names }
group-add-moved = • Đã chuyển từ tổ khác sang: { $names }
group-add-already = • Đã ở trong tổ từ trước: { $names }
group-add-not-found = • Không tìm thấy trong chi bộ: { $refs } — xin kiểm tra lại bằng /members.
group-remove-not-in = Đồng chí { $name } (#{ $number }) không thuộc tổ “{ $group }”.
group-remove-done = Đã đưa đồng chí { $name } (#{ $number }) ra khỏi tổ “{ $group }”.
group-remove-was-leader = Tổ “{ $group }” hiện chưa có tổ trưởng; xin chỉ định bằng /group leader { $group } <đảng viên>.
groups-none = { $cell } chưa có tổ đảng nào. Bí thư chi bộ lập tổ bằng /group new <tên tổ>.
groups-header = Các tổ đảng của { $cell } ({ $count }):
groups-line = • { $name } — tổ trưởng: { $leader }; { $size } đảng viên
groups-no-leader = chưa có

## Cài đặt (/settings), dữ liệu đảng viên (/export_member, /erase_member), nhắc riêng

settings-title-cell = ⚙️ Cài đặt của { $name }
settings-title-org = ⚙️ Cài đặt chung của { $name }
settings-line-language = • Ngôn ngữ: { $value }
settings-line-timezone = • Múi giờ: { $value }
settings-line-quiet = • Giờ yên tĩnh: { $value }
settings-line-reminders = • Nhắc lịch sinh hoạt: { $value }
settings-line-threshold = • Báo riêng Bí thư khi đảng viên vắng không lý do: { $value }
settings-line-digest = • Báo cáo tháng gửi Đảng ủy: { $value }
settings-inherited = (theo Đảng bộ)
settings-language-vi = Tiếng Việt
settings-language-en = English
settings-quiet-range = từ { $start } đến { $end }, tin nhắc riêng trong khoảng này được hoãn đến sáng
settings-quiet-off = tắt, tin nhắc riêng được gửi vào bất cứ giờ nào
settings-reminders-value = trước giờ họp { $list }
settings-threshold-value = từ { $n } lần trong năm
settings-digest-value = ngày { $day } hằng tháng, lúc { $time }
settings-duration = { $unit ->
        [days] { $n } ngày
        [hours] { $n } giờ
       *[minutes] { $n } phút
    }
settings-list-and = và
settings-help-cell =
    Đồng chí bấm nút bên dưới để thay đổi, hoặc gõ lệnh, ví dụ:
    /settings quiet 22:00-06:00
    /settings reminders 3d,1d,2h (3 ngày, 1 ngày, 2 giờ)
    /settings threshold 4
    /settings lang en
    /settings tz Asia/Ho_Chi_Minh
    Ghi “reset” thay cho giá trị để dùng lại cài đặt của Đảng bộ, ví dụ /settings quiet reset.
settings-help-org =
    Cài đặt chung áp dụng cho mọi chi bộ chưa đặt riêng. Đồng chí bấm nút bên dưới để thay đổi, hoặc gõ lệnh, ví dụ:
    /settings org quiet 22:00-06:00
    /settings org reminders 3d,1d,2h (3 ngày, 1 ngày, 2 giờ)
    /settings org threshold 4
    /settings org digest 1 08:00
    /settings org lang vi
    /settings org tz Asia/Ho_Chi_Minh
settings-saved = ✅ Đã lưu thay đổi.
settings-unchanged = Cài đặt này đang có đúng giá trị đó, không có gì thay đổi.
settings-button-quiet = 🌙 Giờ yên tĩnh
settings-button-reminders = ⏰ Nhắc họp
settings-button-threshold = 📋 Ngưỡng vắng
settings-button-tz = 🕐 Múi giờ
settings-button-digest = 📊 Báo cáo tháng
settings-button-back = « Quay lại
settings-button-inherit = ↩️ Dùng cài đặt của Đảng bộ
settings-button-inherit-language = ↩️ Ngôn ngữ theo Đảng bộ
settings-button-off = Tắt
settings-button-times = { $n } lần
settings-button-digest-preset = Ngày { $day }, { $time }
settings-menu-quiet = Trong giờ yên tĩnh, Trợ lý không nhắn riêng cho đảng viên; tin nhắc được hoãn đến khi hết giờ yên tĩnh. Đồng chí chọn khoảng giờ:
settings-menu-reminders = Đồng chí chọn các thời điểm nhắc trước giờ sinh hoạt chi bộ:
settings-menu-threshold = Trợ lý báo riêng cho Bí thư khi một đảng viên vắng không có lý do chính đáng từ bao nhiêu lần trong một năm. Đồng chí chọn:
settings-menu-digest = Đồng chí chọn ngày và giờ gửi báo cáo tháng vào nhóm Đảng ủy (báo cáo của tháng trước):
settings-menu-tz = Để đổi múi giờ, đồng chí gõ /settings tz kèm tên múi giờ theo chuẩn quốc tế, ví dụ /settings tz Asia/Ho_Chi_Minh (giờ Việt Nam) hoặc /settings tz Asia/Bangkok.
settings-error-unknown-key = Trợ lý chưa hiểu mục cài đặt “{ $given }”. Các mục có thể đổi: lang (ngôn ngữ), tz (múi giờ), quiet (giờ yên tĩnh), reminders (nhắc họp), threshold (ngưỡng vắng), digest (báo cáo tháng, chỉ cài đặt chung). Gõ /settings để xem và bấm nút.
settings-error-missing-value = Xin ghi giá trị mới sau tên mục, ví dụ /settings threshold 4. Gõ /settings để xem các mục và bấm nút.
settings-error-language = “{ $given }” không phải ngôn ngữ Trợ lý hỗ trợ. Xin chọn vi (Tiếng Việt) hoặc en (English). Chưa có gì thay đổi.
settings-error-timezone = “{ $given }” không phải tên múi giờ hợp lệ. Xin ghi theo dạng Khu vực/Thành phố, ví dụ Asia/Ho_Chi_Minh hoặc Asia/Bangkok. Chưa có gì thay đổi.
settings-error-quiet = “{ $given }” chưa đúng dạng giờ yên tĩnh. Xin ghi giờ bắt đầu và giờ kết thúc, ví dụ 22:00-06:00, hoặc “off” để tắt. Chưa có gì thay đổi.
settings-error-quiet-same = Giờ bắt đầu và giờ kết thúc của giờ yên tĩnh không được trùng nhau, ví dụ 22:00-06:00. Chưa có gì thay đổi.
settings-error-reminders = “{ $given }” chưa đúng dạng. Xin ghi từ 1 đến 5 mốc nhắc, cách nhau bằng dấu phẩy; mỗi mốc từ 15 phút (15m) đến 14 ngày (14d), ví dụ 3d,1d,2h. Chưa có gì thay đổi.
settings-error-threshold = Ngưỡng vắng phải là một số từ 1 đến 12, ví dụ /settings threshold 3. Chưa có gì thay đổi.
settings-error-digest = “{ $given }” chưa đúng dạng. Xin ghi ngày (từ 1 đến 28) rồi đến giờ, ví dụ /settings org digest 1 08:00. Chưa có gì thay đổi.
settings-error-org-only = Ngày giờ gửi báo cáo tháng là cài đặt chung của Đảng bộ; quản trị viên Đảng ủy đổi bằng /settings org digest trong trò chuyện riêng với Trợ lý. Chưa có gì thay đổi.
settings-error-reset-org = Chỉ cài đặt riêng của chi bộ mới có thể trở về cài đặt của Đảng bộ. Với cài đặt chung, xin ghi giá trị mới. Chưa có gì thay đổi.

member-data-usage-export = Cách dùng: /export_member kèm mã số Telegram hoặc @tên của người cần xuất dữ liệu, ví dụ /export_member 123456789 hoặc /export_member @nguyenvanan.
member-data-usage-erase = Cách dùng: /erase_member kèm mã số Telegram hoặc @tên của người cần xoá dữ liệu, ví dụ /erase_member 123456789 hoặc /erase_member @nguyenvanan.
member-data-not-found = Không tìm thấy ai là “{ $given }” trong Đảng bộ. Xin kiểm tra lại mã số Telegram, @tên hoặc họ tên đầy đủ.
member-data-ambiguous =
    Có nhiều người khớp với “{ $given }”:
    { $candidates }
    Xin gõ lại lệnh với mã trong ngoặc.
member-data-export-caption = Toàn bộ dữ liệu Trợ lý đang lưu về { $name }. Tệp có thông tin cá nhân, đồng chí vui lòng bảo quản cẩn thận.
member-data-erase-confirm =
    Đồng chí có chắc muốn xoá dữ liệu cá nhân của { $name }?
    • Họ tên, tên Telegram và mã số Telegram bị xoá; người này rời khỏi mọi chi bộ.
    • Báo cáo nhiệm vụ, lý do vắng, nhận xét và các câu trả lời viết tay hoặc ghi âm bị xoá.
    • Chỉ giữ lại số liệu không gắn với tên (điểm danh, kết quả nhiệm vụ, lựa chọn và điểm chấm) để các tỷ lệ chung của chi bộ không bị sai lệch.
    Việc này không thể hoàn tác.
member-data-erase-button = 🗑 Xoá vĩnh viễn
member-data-erase-cancel-button = Huỷ
member-data-erase-done = Đã xoá dữ liệu cá nhân của một đảng viên. Số liệu chung được giữ lại ở dạng không gắn tên.
member-data-erase-cancelled = Đã huỷ, không xoá gì.
member-data-already-erased = Dữ liệu của người này đã được xoá hoặc không còn trong Đảng bộ.
member-data-erase-admin = { $name } là quản trị viên Đảng ủy; Trợ lý không xoá dữ liệu của quản trị viên.
member-data-erased-label = Đảng viên đã xoá

reach-button = 🔔 Nhận nhắc riêng

## Meeting reminders
meeting-reminder-today = { $part ->
        [morning] sáng nay
        [noon] trưa nay
        [afternoon] chiều nay
       *[evening] tối nay
    }
meeting-reminder-tomorrow = { $part ->
        [morning] sáng mai
        [noon] trưa mai
        [afternoon] chiều mai
       *[evening] tối mai
    }
meeting-reminder-when-near = { $time } { $relative } ({ $date })
meeting-reminder-when-far = { $date } lúc { $time },
meeting-reminder-where = tại { $place }
meeting-reminder-where-online = trực tuyến: { $link }
meeting-reminder-group =
    🔔 Kính nhắc các đồng chí: { $when } { $cell } sinh hoạt{ $where }.
    Đã xác nhận: { $attend } tham dự · { $absent } vắng · { $noAnswer } chưa trả lời{ $unsure ->
        [0] {""}
       *[other] {" "}({ $unsure } chưa chắc)
    }.
    Đồng chí nào muốn nhận lời nhắc qua tin nhắn riêng, xin bấm nút bên dưới.
meeting-reminder-private = Kính nhắc đồng chí { $name }: { $when } { $cell } sinh hoạt{ $where }.
meeting-reminder-status-none = Đồng chí chưa xác nhận — xin bấm một nút bên dưới.
meeting-reminder-status-attend = Đồng chí đã xác nhận tham dự. Hẹn gặp đồng chí!
meeting-reminder-status-absent = Đồng chí đã báo vắng mặt; nếu có thay đổi, xin bấm một nút bên dưới.
meeting-reminder-status-unsure = Đồng chí còn chưa chắc tham dự — khi đã rõ, xin bấm một nút bên dưới.
meeting-reminder-btn-attend = ✅ Tham dự
meeting-reminder-btn-absent = ❌ Vắng mặt
meeting-reminder-btn-unsure = ❔ Chưa chắc
meeting-reminder-agenda-owner = Kính nhắc đồng chí { $name }: đồng chí phụ trách phần «{ $item }» trong buổi sinh hoạt lúc { $when }. Xin đồng chí chuẩn bị chu đáo.
meeting-reminder-agenda-check = Kính gửi đồng chí { $name }: buổi sinh hoạt lúc { $when } còn { $count }/{ $total } phần chưa sẵn sàng:
meeting-reminder-agenda-line = • { $item } — đồng chí { $owner }
meeting-reminder-agenda-line-unowned = • { $item } — chưa có người phụ trách

## Điểm danh, kết thúc cuộc họp, lý do vắng mặt (/checkin, /close_meeting, /attendance)

attendance-meeting-label = { $title } #{ $id } ({ $when })
checkin-button = ✋ Có mặt
checkin-post =
    📋 Điểm danh { $meeting }
    Đồng chí nào đã có mặt xin bấm nút “✋ Có mặt” bên dưới (mỗi đồng chí bấm một lần).
    Đã điểm danh: { $count }/{ $expected } đồng chí dự kiến (điểm danh hộ: { $proxy }).
checkin-meeting-not-open = Cuộc họp { $meeting } đã kết thúc hoặc đã bị hủy, không thể điểm danh nữa.
checkin-too-early = Cuộc họp { $meeting } chưa đến giờ. Điểm danh chỉ mở trong vòng 12 giờ trước giờ họp.
checkin-opened-elsewhere = Đã mở điểm danh { $meeting } trong nhóm chi bộ.
checkin-not-member = Nút điểm danh chỉ dành cho đảng viên của chi bộ này.
checkin-not-open-button = Cuộc họp này không còn mở điểm danh.
checkin-recorded = Đã ghi nhận đồng chí có mặt. Cảm ơn đồng chí!
checkin-already = Đồng chí đã được điểm danh rồi.
checkin-proxy-not-your-group = Đồng chí chỉ điểm danh hộ được đảng viên trong tổ đảng mình phụ trách; đồng chí { $name } không thuộc tổ của đồng chí.
checkin-proxy-not-open = Cuộc họp { $meeting } chưa mở điểm danh. Xin gõ /checkin để mở điểm danh trước.
checkin-proxy-already = Đồng chí { $name } đã được điểm danh rồi.
checkin-proxy-done = Đã điểm danh hộ đồng chí { $name }. Hiện có { $count } đồng chí có mặt.
close-conclusions-too-long = Kết luận cuộc họp dài { $given } ký tự, vượt quá giới hạn { $max } ký tự. Xin đồng chí rút gọn rồi gõ lại lệnh; cuộc họp chưa được kết thúc.
close-already = Cuộc họp { $meeting } đã kết thúc trước đó.
close-cancelled = Cuộc họp { $meeting } đã bị hủy, không thể kết thúc.
close-not-started = Cuộc họp { $meeting } chưa diễn ra nên chưa thể kết thúc.
close-result =
    ✅ Đã kết thúc { $meeting }.
    • Có mặt: { $present } (trong đó điểm danh hộ: { $proxy })
    • Vắng có lý do: { $excused }
    • Vắng không có lý do: { $unexcused }
    • Tổng số dự kiến: { $expected } — tỷ lệ dự họp { $rate }%
    Cảm ơn các đồng chí đã tham dự.
close-done-secretary = Đã chốt sổ điểm danh { $meeting }. Số đồng chí vắng chưa có lý do: { $unexcused }. Trợ lý đã nhắn riêng hỏi lý do { $asked } đồng chí; { $unreached } đồng chí chưa nhận được tin nhắn riêng (chưa mở trò chuyện với Trợ lý).
absence-reason-ask =
    Kính gửi đồng chí, sổ điểm danh { $meeting } ghi đồng chí vắng mặt chưa có lý do.
    Xin đồng chí cho biết lý do bằng cách bấm một nút dưới đây.
absence-reason-health = 🏥 Sức khỏe
absence-reason-work = 💼 Công việc
absence-reason-family = 👪 Việc gia đình
absence-reason-other = ✏️ Lý do khác
absence-reason-other-ask = Xin đồng chí gõ lý do vắng mặt rồi gửi (không quá 500 ký tự).
absence-reason-other-placeholder = Lý do vắng mặt
absence-reason-thanks = Cảm ơn đồng chí, Trợ lý đã ghi nhận lý do vắng mặt.
absence-reason-already = Lý do vắng mặt của đồng chí đã được ghi nhận trước đó.
absence-reason-bad-text = Lý do cần có nội dung và không quá { $max } ký tự. Xin đồng chí gửi lại lý do.
absence-alert = 🔔 Đồng chí { $name } (chi bộ { $cell }) đã vắng họp không có lý do { $count } lần trong năm { $year }. Đề nghị đồng chí trao đổi, nhắc nhở đồng chí ấy.
attendance-edit-usage = Cách dùng: /attendance #<số cuộc họp> <đảng viên> present|proxy|excused|unexcused — ví dụ: /attendance #12 #3 excused
attendance-edit-not-closed = Cuộc họp { $meeting } chưa kết thúc; sổ điểm danh chỉ sửa được sau khi /close_meeting.
attendance-edit-done = Đã sửa sổ điểm danh { $meeting }: đồng chí { $name } — { $status }.
attendance-status-present = có mặt
attendance-status-proxy = có mặt (điểm danh hộ)
attendance-status-absent-excused = vắng có lý do
attendance-status-absent-unexcused = vắng không có lý do

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

## Cuộc họp: tạo, thông báo, xác nhận tham dự, danh sách, hủy, dời (/meeting, /meetings, /cancel_meeting, /move_meeting)
meeting-kind-regular = Sinh hoạt thường kỳ
meeting-kind-thematic = Sinh hoạt chuyên đề
meeting-kind-extraordinary = Họp bất thường
meeting-kind-field-trip = Sinh hoạt dã ngoại
meeting-default-title-regular = sinh hoạt thường kỳ tháng { $month }
meeting-default-title-thematic = sinh hoạt chuyên đề tháng { $month }
meeting-default-title-extraordinary = họp bất thường tháng { $month }
meeting-default-title-field-trip = sinh hoạt dã ngoại tháng { $month }
meeting-state-planned = sắp diễn ra
meeting-state-in-progress = đang diễn ra
meeting-state-closed = đã kết thúc
meeting-state-cancelled = đã hủy
meeting-announcement-header = 📢 { $cell } — { $title } (#{ $ref })
meeting-announcement-when = 🕢 { $when }
meeting-announcement-place = 📍 { $place }
meeting-announcement-no-place = 📍 Địa điểm sẽ thông báo sau.
meeting-announcement-call = Đề nghị các đồng chí xác nhận tham dự bằng nút bên dưới.
meeting-announcement-cancelled-banner = 🚫 CUỘC HỌP ĐÃ HỦY
meeting-announcement-moved-note = 🔁 Đã dời lịch (trước đây: { $from }).
meeting-counts = Đã xác nhận: { $attend } tham dự · { $absent } vắng · { $noAnswer } chưa trả lời
meeting-counts-unsure = {" "}({ $unsure } chưa chắc)
meeting-rsvp-attend-button = ✅ Tham dự
meeting-rsvp-absent-button = ❌ Vắng mặt
meeting-rsvp-unsure-button = ❔ Chưa chắc
meeting-rsvp-recorded-attend = Đã ghi nhận: đồng chí tham dự. Cảm ơn đồng chí!
meeting-rsvp-recorded-absent = Đã ghi nhận: đồng chí vắng mặt.
meeting-rsvp-recorded-unsure = Đã ghi nhận: đồng chí chưa chắc tham dự. Khi đã rõ, xin đồng chí bấm lại.
meeting-rsvp-absent-asked-private = Đã ghi nhận đồng chí vắng mặt. Trợ lý đã nhắn riêng để hỏi lý do, xin đồng chí xem tin nhắn riêng.
meeting-rsvp-absent-ask-here = Đã ghi nhận đồng chí vắng mặt. Xin đồng chí chọn lý do ở tin nhắn ngay dưới đây.
meeting-rsvp-not-member = Nút này chỉ dành cho đảng viên của { $cell }. Câu trả lời của đồng chí không được ghi nhận.
meeting-rsvp-cancelled = Cuộc họp này đã bị hủy, không cần xác nhận nữa.
meeting-rsvp-closed = Cuộc họp này đã kết thúc, không nhận xác nhận nữa.
meeting-reason-health = 🏥 Sức khỏe
meeting-reason-work = 💼 Công việc
meeting-reason-family = 👪 Việc gia đình
meeting-reason-other = ✏️ Lý do khác
meeting-reason-ask-private = Đồng chí đã báo vắng mặt cuộc họp #{ $ref }. Xin đồng chí cho biết lý do bằng một nút dưới đây.
meeting-reason-ask-group = Đồng chí nào vừa báo vắng mặt cuộc họp #{ $ref } xin chọn lý do bằng một nút dưới đây (chỉ Bí thư chi bộ xem được lý do).
meeting-reason-recorded = Đã ghi nhận lý do vắng mặt: { $reason }. Cảm ơn đồng chí.
meeting-reason-other-in-group = Đã ghi nhận lý do: { $reason }. Muốn ghi rõ lý do, đồng chí bấm “🔔 Nhận nhắc riêng” rồi báo vắng lại trong tin nhắn riêng.
meeting-reason-not-absent = Đồng chí không báo vắng mặt cuộc họp này nên không cần cho biết lý do.
meeting-reason-other-ask = Xin đồng chí gõ lý do vắng mặt cuộc họp #{ $ref } rồi gửi (không quá 500 ký tự).
meeting-reason-other-placeholder = Lý do vắng mặt
meeting-reason-text-bad = Lý do cần có nội dung và không quá { $max } ký tự. Xin đồng chí gửi lại lý do.
meeting-reason-text-recorded = Đã ghi nhận lý do vắng mặt: “{ $reason }”. Cảm ơn đồng chí.
meeting-place-too-long = Địa điểm dài { $length } ký tự, vượt quá giới hạn { $max } ký tự. Xin đồng chí ghi ngắn gọn hơn; cuộc họp chưa được tạo.
meeting-title-too-long = Tiêu đề dài { $length } ký tự, vượt quá giới hạn { $max } ký tự. Xin đồng chí ghi ngắn gọn hơn; cuộc họp chưa được tạo.
meeting-created-private = Đã tạo cuộc họp #{ $ref } và thông báo trong nhóm { $cell }.
meeting-created-no-group = Đã tạo cuộc họp #{ $ref } của { $cell }, nhưng chi bộ chưa gắn với nhóm nên chưa thông báo được.
meeting-already-cancelled = Cuộc họp #{ $ref } đã bị hủy trước đó.
meeting-already-closed = Cuộc họp #{ $ref } đã kết thúc, không thể thay đổi.
meeting-changed-meanwhile = Cuộc họp #{ $ref } vừa được thay đổi bởi người khác. Xin đồng chí xem lại bằng /meetings.
meeting-ref-bad-ref = “{ $given }” không phải số hiệu cuộc họp. Xin ghi số hiệu như trong /meetings, ví dụ: #12.
meeting-ref-not-found = Chi bộ không có cuộc họp số { $given }. Xin đồng chí xem số hiệu bằng /meetings.
meeting-ref-none-upcoming = Chi bộ chưa có cuộc họp nào sắp diễn ra. Bí thư có thể tạo bằng /meeting.
meeting-pick-cell = Đồng chí phụ trách nhiều chi bộ. Xin chọn chi bộ cho lệnh:
meeting-cell-picked = Đã chọn { $cell }.
meeting-guided-header = 🗓 Tạo cuộc họp mới — { $cell }
meeting-guided-kind-line = Loại: { $kind }
meeting-guided-date-line = Ngày: { $date }
meeting-guided-when-line = 🕢 { $when }
meeting-guided-ask-kind = Xin đồng chí chọn loại cuộc họp:
meeting-guided-ask-date = Xin đồng chí chọn ngày họp:
meeting-guided-ask-time = Xin đồng chí chọn giờ họp:
meeting-guided-ask-place = Xin đồng chí chọn địa điểm:
meeting-guided-ask-confirm = Đồng chí kiểm tra lại rồi bấm “Tạo và thông báo”.
meeting-guided-type-date-button = ✏️ Gõ ngày khác
meeting-guided-type-time-button = ✏️ Gõ giờ khác
meeting-guided-type-place-button = ✏️ Gõ địa điểm
meeting-guided-no-place-button = Báo địa điểm sau
meeting-guided-confirm-button = ✅ Tạo và thông báo
meeting-guided-cancel-button = ✖️ Thôi
meeting-guided-type-date = Xin đồng chí gõ ngày họp rồi gửi, ví dụ: 05/12 hoặc thứ 6 tuần sau.
meeting-guided-type-date-placeholder = Ngày họp, ví dụ 05/12
meeting-guided-type-time = Xin đồng chí gõ giờ họp rồi gửi, ví dụ: 19h30 hoặc 7h sáng.
meeting-guided-type-time-placeholder = Giờ họp, ví dụ 19h30
meeting-guided-type-place = Xin đồng chí gõ địa điểm họp rồi gửi (không quá 200 ký tự).
meeting-guided-type-place-placeholder = Địa điểm họp
meeting-guided-abandoned = Đã thôi tạo cuộc họp.
meeting-guided-creating = Đang tạo cuộc họp…
meeting-guided-created = ✅ Đã tạo cuộc họp #{ $ref } và thông báo trong nhóm { $cell }.
meeting-guided-already-created = Cuộc họp này đã được tạo (#{ $ref }).
meetings-none = { $cell } chưa có cuộc họp nào sắp tới hoặc trong 60 ngày qua. Bí thư có thể tạo bằng /meeting.
meetings-header = 📅 Cuộc họp của { $cell } (sắp tới và 60 ngày qua):
meetings-line = #{ $ref } · { $when } · { $title } · { $state }{ $tally }
meetings-line-rsvps = {" "}· { $attend } tham dự / { $absent } vắng / { $noAnswer } chưa trả lời
meetings-line-attendance = {" "}· có mặt { $present }/{ $expected }
cancel-meeting-usage = Cách dùng: /cancel_meeting #<số cuộc họp>, ví dụ: /cancel_meeting #12. Xem số hiệu bằng /meetings.
cancel-meeting-done = Đã hủy cuộc họp #{ $ref } và báo cho nhóm chi bộ.
meeting-cancelled-group = 🚫 Thông báo: cuộc họp #{ $ref } ({ $title }) dự kiến vào { $was } đã được hủy. Các nhắc việc của cuộc họp này cũng đã được hủy.
move-meeting-usage = Cách dùng: /move_meeting #<số cuộc họp> <ngày> <giờ>, ví dụ: /move_meeting #12 11/12 19h30.
move-meeting-same-time = Cuộc họp #{ $ref } đã ở đúng thời điểm này rồi.
move-meeting-done = Đã dời cuộc họp #{ $ref } và báo cho nhóm chi bộ.
meeting-moved-group = 🔁 Thông báo: cuộc họp #{ $ref } ({ $title }) được dời từ { $was } sang { $when }. Đề nghị các đồng chí sắp xếp tham dự.

## Lịch họp định kỳ, nội dung cuộc họp, ý kiến trước cuộc họp (/meeting_schedule, /agenda, /opinions)

schedule-usage =
    Cách đặt lịch sinh hoạt thường kỳ hằng tháng:
    /meeting_schedule monthly <ngày> <giờ> | <địa điểm>
    Ví dụ: /meeting_schedule monthly 4 19h30 | Hội trường Khu phố 1
    Ngày từ 1 đến 28, hoặc “cuối tháng”.
    /meeting_schedule ahead 7 — thông báo trước 7 ngày (mặc định)
    /meeting_schedule off — dừng lịch định kỳ
schedule-bad-day = “{ $given }” không phải là ngày họp hợp lệ. Xin ghi ngày từ 1 đến 28, hoặc “cuối tháng” (không phải tháng nào cũng có ngày 29, 30, 31).
schedule-place-too-long = Địa điểm dài quá ({ $length } ký tự). Xin ghi ngắn gọn, tối đa { $max } ký tự.
schedule-bad-ahead = “{ $given }” không hợp lệ. Xin ghi số ngày thông báo trước, từ 1 đến { $max }, ví dụ: /meeting_schedule ahead 7
schedule-set = ✅ Đã đặt lịch sinh hoạt thường kỳ cho { $cell }.
schedule-current = 🗓 Lịch sinh hoạt thường kỳ của { $cell }:
schedule-details =
    • { $day ->
        [last] Ngày cuối cùng
       *[other] Ngày { $day }
    } hằng tháng, lúc { $time }{ $hasPlace ->
        [yes] , tại { $place }
       *[no] {""}
    }
    • Cuộc họp tới: { $next }
    • { $announced ->
        [yes] Đã thông báo trong nhóm (cuộc họp #{ $ref }).
        [now] Trợ lý sẽ thông báo trong nhóm ngay bây giờ.
       *[no] Trợ lý sẽ thông báo trong nhóm vào { $announce } ({ $days } ngày trước).
    }
schedule-none = Chi bộ chưa có lịch sinh hoạt thường kỳ.
schedule-off = Đã dừng lịch sinh hoạt thường kỳ của { $cell }. Các cuộc họp đã thông báo vẫn giữ nguyên; Bí thư có thể hủy bằng /cancel_meeting.
schedule-ahead-set = ✅ Từ nay Trợ lý thông báo cuộc họp thường kỳ trước { $days } ngày.

agenda-usage =
    Cách giao nội dung chuẩn bị cho cuộc họp:
    /agenda #<số cuộc họp> <đảng viên> <nội dung>
    Ví dụ: /agenda #12 @hai Báo cáo tình hình an ninh trật tự
    Đảng viên ghi bằng @tên hoặc số thứ tự trong /members, hoặc trả lời tin nhắn của đồng chí đó. Xem nội dung đã giao: /agenda #12
agenda-item-too-long = Nội dung dài quá. Xin ghi ngắn gọn, tối đa { $max } ký tự.
agenda-meeting-not-open = Cuộc họp #{ $ref } đã bắt đầu, đã kết thúc hoặc đã hủy, nên không giao thêm nội dung được.
agenda-assigned =
    📋 Kính gửi đồng chí { $name }: đồng chí { $assigner } phân công đồng chí chuẩn bị một nội dung cho cuộc họp #{ $ref } của { $cell } ({ $when }):
    “{ $item }”
    Khi đã chuẩn bị xong, đồng chí bấm nút “✅ Đã sẵn sàng” bên dưới.
agenda-ready-button = ✅ Đã sẵn sàng
agenda-added = ✅ Đã giao cho đồng chí { $name } chuẩn bị “{ $item }” cho cuộc họp #{ $ref }; Trợ lý đã nhắn riêng cho đồng chí ấy.
agenda-added-unreachable =
    ✅ Đã giao cho đồng chí { $name } chuẩn bị “{ $item }” cho cuộc họp #{ $ref }.
    ⚠️ Trợ lý chưa nhắn riêng được cho đồng chí { $name } vì đồng chí ấy chưa mở trò chuyện với Trợ lý. Xin nhắc đồng chí ấy bấm nút bên dưới (hoặc mở { $link }) rồi bấm “Bắt đầu”.
agenda-ready-done = Đã ghi nhận: nội dung của đồng chí đã sẵn sàng. Cảm ơn đồng chí!
agenda-ready-already = Nội dung này đã được ghi nhận là sẵn sàng.
agenda-ready-marked = ✅ Đồng chí đã báo nội dung này sẵn sàng.
agenda-ready-meeting-over = Cuộc họp này đã kết thúc hoặc đã hủy.
agenda-list-header = 📋 Nội dung cuộc họp #{ $ref } ({ $when }):
agenda-list-empty = Chưa có nội dung nào được phân công. Bí thư giao bằng: /agenda #{ $ref } @tên <nội dung>
agenda-list-line = { $index }. { $item } — đồng chí { $name } — { $ready ->
        [yes] ✅ đã sẵn sàng
       *[no] ⏳ chưa sẵn sàng
    }
agenda-no-owner = (chưa có người phụ trách)
agenda-list-summary = Đã sẵn sàng { $ready }/{ $total } nội dung.

opinions-button = 💬 Gửi ý kiến trước cuộc họp
opinions-ask =
    💬 Ý kiến trước cuộc họp #{ $ref } ({ $when })
    Đồng chí có vấn đề gì muốn nêu tại cuộc họp, xin gửi ngay tại đây (viết chữ hoặc gửi tin nhắn thoại). Chỉ Bí thư chi bộ xem được ý kiến của đồng chí.
opinions-placeholder = Ý kiến của đồng chí…
opinions-question-text = Ý kiến, đề xuất muốn nêu tại cuộc họp
opinions-empty = Xin đồng chí viết ý kiến, hoặc gửi tin nhắn thoại.
opinions-too-long = Mỗi ý kiến viết không quá { $max } ký tự. Xin đồng chí chia thành nhiều tin nhắn ngắn hơn.
opinions-thanks = ✅ Đã ghi nhận ý kiến của đồng chí cho cuộc họp #{ $ref }; chỉ Bí thư chi bộ xem được. Muốn bổ sung, đồng chí cứ gửi tiếp; khi xong, xin bấm “Thôi” ở câu hỏi phía trên.
opinions-not-member = Đồng chí không phải là đảng viên của chi bộ họp cuộc này, nên không gửi ý kiến được.
opinions-closed = Cuộc họp #{ $ref } đã bắt đầu, đã kết thúc hoặc đã hủy, nên không nhận thêm ý kiến trước cuộc họp.
opinions-list-header = 🗒 Ý kiến trước cuộc họp #{ $ref } ({ $when }): { $count } ý kiến
opinions-list-empty = Chưa có đồng chí nào gửi ý kiến.
opinions-list-line = { $index }. Đồng chí { $name } ({ $when }): { $text }
opinions-someone = (đảng viên đã rời chi bộ)
opinions-voice = 🎤 tin nhắn thoại
opinions-sent-privately = Trợ lý đã gửi riêng danh sách ý kiến cho đồng chí (không đăng trong nhóm).
opinions-open-private-first = Ý kiến của đảng viên không đăng trong nhóm. Trợ lý chưa nhắn riêng được cho đồng chí: xin bấm nút bên dưới, bấm “Bắt đầu”, rồi gõ lại /opinions.
meeting-already-exists = Chi bộ đã có cuộc họp #{ $ref } vào đúng thời điểm này; Trợ lý không tạo thêm. Xem bằng /meetings.

## Mô tả lệnh trong nhóm chi bộ

cmd-meetings = Lịch sinh hoạt của chi bộ
cmd-agenda = Nội dung cuộc họp và người phụ trách
cmd-members = Danh sách đảng viên
cmd-groups = Các tổ đảng

## Mô tả các lệnh khác (cho menu lệnh theo vai trò)

cmd-group = Lập tổ đảng, chỉ định tổ trưởng, thêm bớt đảng viên
cmd-invite = Mời đảng viên tham gia chi bộ trên Trợ lý
cmd-role = Giao vai trò trong chi bộ
cmd-status = Đổi tình trạng đảng viên
cmd-import = Nhập danh sách đảng viên từ tệp CSV hoặc Excel
cmd-settings = Cài đặt nhắc lịch, giờ yên lặng, ngôn ngữ
cmd-meeting = Thông báo buổi sinh hoạt
cmd-move-meeting = Dời buổi sinh hoạt
cmd-cancel-meeting = Hủy buổi sinh hoạt
cmd-meeting-schedule = Lịch sinh hoạt thường kỳ hằng tháng
cmd-opinions = Ý kiến đảng viên gửi trước cuộc họp
cmd-checkin = Điểm danh cuộc họp
cmd-close-meeting = Kết thúc cuộc họp, chốt điểm danh và kết luận
cmd-attendance = Sửa điểm danh sau cuộc họp
cmd-register-cell = Đăng ký nhóm chat là chi bộ
cmd-register-committee = Đăng ký nhóm nhận báo cáo của Đảng ủy
cmd-org-name = Đặt tên Đảng bộ
cmd-export-member = Xuất toàn bộ dữ liệu của một người
cmd-erase-member = Xoá dữ liệu cá nhân của một người
