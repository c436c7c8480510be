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
remove-admin-usage = Cách dùng: trả lời tin nhắn của quản trị viên cần bỏ bằng /remove_admin, hoặc gõ /remove_admin kèm mã số Telegram của họ (ví dụ /remove_admin 123456789).
remove-admin-done = Đã bỏ quyền quản trị viên Đảng ủy của { $who }.
remove-admin-not-admin = { $who } không phải là quản trị viên Đảng ủy, nên không có gì thay đổi.
remove-admin-configured = { $who } là quản trị viên trong cấu hình hệ thống (ADMIN_IDS). Muốn bỏ quyền này, người quản lý máy chủ cần xoá mã số đó khỏi ADMIN_IDS rồi khởi động lại Trợ lý.
remove-admin-last = { $who } là quản trị viên Đảng ủy duy nhất; Trợ lý không bỏ quyền này để Đảng ủy luôn còn người quản trị. Xin thêm một quản trị viên khác bằng /add_admin trước.

## Mô tả lệnh

cmd-add-admin = Thêm quản trị viên Đảng ủy
cmd-admins = Danh sách quản trị viên
cmd-remove-admin = Bỏ quyền quản trị viên đã thêm bằng lệnh
