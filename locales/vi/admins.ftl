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

## Mô tả lệnh

cmd-add-admin = Thêm quản trị viên Đảng ủy
cmd-admins = Danh sách quản trị viên
