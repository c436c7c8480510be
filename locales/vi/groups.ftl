## Tổ đảng (/group, /groups)

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

## Mô tả lệnh

cmd-groups = Các tổ đảng
cmd-group = Lập tổ đảng, chỉ định tổ trưởng, thêm bớt đảng viên
