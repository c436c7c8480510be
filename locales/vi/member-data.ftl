## Dữ liệu đảng viên (/export_member, /erase_member)

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

## Mô tả lệnh

cmd-export-member = Xuất toàn bộ dữ liệu của một người
cmd-erase-member = Xoá dữ liệu cá nhân của một người
