## Thiết lập: Đảng bộ, chi bộ, kênh Đảng ủy

cell-kind-neighbourhood = khu phố
cell-kind-school = trường học
cell-kind-enterprise = doanh nghiệp
cell-kind-agency = cơ quan
cell-kind-front = Mặt trận, đoàn thể
cell-kind-other = khác
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
register-committee-usage = Cách dùng: gõ /register_committee trong nhóm của Đảng ủy; hoặc trong trò chuyện riêng: /register_committee <@tên kênh hoặc mã số kênh>, ví dụ /register_committee @dangbophuong.
register-committee-is-cell = Nhóm này đang là nhóm của một chi bộ, không thể dùng làm nơi nhận báo cáo của Đảng ủy.
register-committee-not-found = Trợ lý không tìm thấy kênh hoặc nhóm “{ $chat }”. Xin kiểm tra tên, và thêm Trợ lý vào kênh với quyền quản trị viên được đăng bài.
register-committee-bot-cannot-post = Trợ lý chưa thể đăng bài trong “{ $chat }”. Xin thêm Trợ lý làm quản trị viên với quyền đăng bài, rồi thử lại.
register-committee-caller-not-admin = Đồng chí cần là quản trị viên của “{ $chat }” để đăng ký nơi này nhận báo cáo của Đảng ủy.
register-committee-done = Đã đăng ký “{ $chat }” là nơi nhận bản tổng hợp hằng tháng và cảnh báo của { $organisation }.
register-committee-hello = Nơi này sẽ nhận bản tổng hợp hằng tháng và các cảnh báo của Trợ lý Chi bộ cho { $organisation }.
org-name-usage = Cách dùng: /org_name <tên Đảng bộ>, ví dụ: /org_name Đảng bộ phường Bến Thành
org-name-done = Đã đặt tên Đảng bộ: { $organisation }.

## Mô tả lệnh

cmd-register-cell = Đăng ký nhóm chat là chi bộ
cmd-register-committee = Đăng ký nhóm nhận báo cáo của Đảng ủy
cmd-org-name = Đặt tên Đảng bộ
