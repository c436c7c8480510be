## /start

start-welcome =
    Kính chào đồng chí { $name }!
    Tôi là Trợ lý Chi bộ. Tôi sẽ gửi riêng cho đồng chí lịch sinh hoạt, nhiệm vụ được giao và các câu hỏi lấy ý kiến của chi bộ.
    Mỗi việc chỉ cần bấm một hoặc hai nút. Gõ /help để xem hướng dẫn, /me để xem thông tin của đồng chí.
start-welcome-back = Chào mừng đồng chí { $name } trở lại. Từ nay Trợ lý có thể nhắn riêng cho đồng chí. Gõ /me để xem thông tin của đồng chí.
start-in-group = Kính chào các đồng chí! Để nhận nhắc việc riêng, mỗi đồng chí bấm vào tên Trợ lý rồi chọn “Bắt đầu”.

## /help

help-header = Hướng dẫn sử dụng Trợ lý Chi bộ
help-short-stranger =
    /me — thông tin của đồng chí
    /lang — đổi ngôn ngữ (Tiếng Việt / English)
    Khi Bí thư chi bộ gửi lời mời, đồng chí bấm nút tham gia.
help-short-member =
    /me — thông tin của đồng chí: buổi sinh hoạt sắp tới, nhiệm vụ
    /meetings — lịch sinh hoạt của chi bộ
    /tasks — nhiệm vụ của chi bộ
    Khi nhận tin nhắn có nút bấm, đồng chí chỉ cần bấm nút phù hợp.
help-short-leader =
    /checkin <đảng viên> — điểm danh hộ đảng viên trong tổ không dùng điện thoại thông minh, khi cuộc họp đang điểm danh
    /meetings — lịch sinh hoạt của chi bộ
    /task — giao nhiệm vụ cho đảng viên trong tổ
    /me — thông tin của đồng chí
help-short-secretary =
    /meeting <ngày> <giờ> — thông báo buổi sinh hoạt (gõ /meeting để được hướng dẫn từng bước)
    /meetings — lịch sinh hoạt; /agenda — phân công nội dung
    /checkin — mở điểm danh; /close_meeting — kết thúc và chốt điểm danh
    /members — danh sách đảng viên; /invite — mời tham gia
    /settings — cài đặt của chi bộ
help-short-admin =
    /register_cell <tên chi bộ> — đăng ký nhóm chat là chi bộ (gõ trong nhóm)
    /report — báo cáo tháng của Đảng bộ
    /admins — danh sách quản trị viên
    /settings org — cài đặt chung của Đảng bộ (trò chuyện riêng)
help-button-more = Xem thêm
help-leader =
    Dành cho tổ trưởng tổ đảng:
    /checkin <đảng viên> — điểm danh hộ đảng viên trong tổ không dùng điện thoại thông minh, khi cuộc họp đang điểm danh
    /task — giao nhiệm vụ cho đảng viên trong tổ; /edit_task, /cancel_task — sửa hoặc hủy nhiệm vụ đã giao
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
    /remove_admin — bỏ quyền quản trị viên đã được thêm bằng /add_admin
    /admins — danh sách quản trị viên
    /export_member <mã số hoặc @tên> — xuất toàn bộ dữ liệu của một người (trò chuyện riêng)
    /erase_member <mã số hoặc @tên> — xoá dữ liệu cá nhân của một người (trò chuyện riêng)
    /settings org — cài đặt chung của Đảng bộ (trò chuyện riêng)
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

## /lang

lang-choose = Đồng chí chọn ngôn ngữ:
lang-changed = Đã chuyển sang Tiếng Việt.
lang-unknown = Trợ lý chưa hỗ trợ ngôn ngữ “{ $given }”. Đồng chí chọn: vi (Tiếng Việt) hoặc en (English).
lang-group-secretary-only = Chỉ Bí thư, Phó Bí thư chi bộ hoặc quản trị viên Đảng ủy mới đổi được ngôn ngữ của nhóm. Đồng chí có thể chọn ngôn ngữ riêng bằng /lang trong tin nhắn riêng với Trợ lý.
cancel-done = Đã thôi. Trợ lý không chờ câu trả lời của đồng chí nữa.
cancel-nothing = Đồng chí không có việc gì đang làm dở.
lang-button-vi = Tiếng Việt
lang-button-en = English

## /me

me-header = Thông tin của đồng chí { $name }
me-no-cells = Đồng chí chưa thuộc chi bộ nào trên Trợ lý. Khi Bí thư chi bộ gửi lời mời, đồng chí bấm nút tham gia.
me-admin = • { role-admin }
me-reachable-yes = Nhắc riêng: đã bật — Trợ lý có thể nhắn riêng cho đồng chí.
me-reachable-no = Nhắc riêng: chưa bật — đồng chí mở trò chuyện riêng với Trợ lý và bấm “Bắt đầu” để nhận nhắc việc.
me-language = Ngôn ngữ: Tiếng Việt (đổi bằng /lang)
me-cell-detail = • { $cell } (#{ $number }): { $role }, đảng viên { $status }{ $hasGroup ->
        [yes] , { $group }
       *[no] {""}
    }

## Mô tả lệnh

cmd-start = Bắt đầu và nhận nhắc việc riêng
cmd-help = Hướng dẫn sử dụng
cmd-me = Thông tin của tôi
cmd-lang = Đổi ngôn ngữ
cmd-cancel = Thôi việc đang làm dở

## /me: sửa họ tên
me-full-name = Họ và tên: { $name }
me-telegram-name = Tên trên Telegram: { $name } (chưa có họ tên đầy đủ; bấm “Sửa họ tên” để ghi)
me-edit-name-button = ✏️ Sửa họ tên
full-name-private-only = Xin đồng chí gõ /me trong trò chuyện riêng với Trợ lý để sửa họ tên.
full-name-ask = Xin đồng chí gõ họ và tên đầy đủ, họ trước tên sau (ví dụ: Nguyễn Văn An), tối đa { $max } ký tự. Nếu không sửa nữa, bấm “Thôi”.
full-name-placeholder = Nguyễn Văn An
full-name-saved = ✅ Đã lưu họ tên: { $name }. Từ nay Trợ lý gọi đồng chí là “đồng chí { $given }”.
full-name-empty = Chưa có họ tên. Xin đồng chí gõ họ và tên đầy đủ (ví dụ: Nguyễn Văn An), hoặc bấm “Thôi”.
full-name-too-long = Họ tên dài quá { $max } ký tự, Trợ lý chưa lưu. Xin đồng chí gõ lại cho gọn, hoặc bấm “Thôi”.
full-name-no-letters = Họ tên phải có chữ cái, Trợ lý chưa lưu. Xin đồng chí gõ lại (ví dụ: Nguyễn Văn An), hoặc bấm “Thôi”.
full-name-bad-characters = Họ tên chỉ gồm chữ cái, dấu cách, dấu chấm, gạch nối; Trợ lý chưa lưu. Xin đồng chí gõ lại, hoặc bấm “Thôi”.
full-name-mixed-scripts = Họ tên trộn nhiều bảng chữ cái khác nhau, Trợ lý chưa lưu. Xin đồng chí gõ lại bằng chữ Việt, hoặc bấm “Thôi”.
