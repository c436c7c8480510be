## Cài đặt (/settings)

settings-title-cell = ⚙️ Cài đặt của { $name }
settings-title-org = ⚙️ Cài đặt chung của { $name }
settings-line-language = • Ngôn ngữ: { $value }
settings-line-timezone = • Múi giờ: { $value }
settings-line-quiet = • Giờ yên tĩnh: { $value }
settings-line-reminders = • Nhắc lịch sinh hoạt: { $value }
settings-line-threshold = • Báo riêng Bí thư khi đảng viên vắng không lý do: { $value }
settings-line-review = • Tự kiểm điểm hằng tháng: { $value }
settings-line-digest = • Báo cáo tháng gửi Đảng ủy: { $value }
settings-line-reason = • Thời hạn báo lý do vắng (sau đó mới tính là vắng không lý do): { $value }
settings-line-escalate = • Báo người giao việc và Bí thư khi nhiệm vụ quá hạn: { $value }
settings-line-attendance = • Báo cáo tháng nêu chi bộ cần chú ý khi tỷ lệ dự họp dưới: { $value }
settings-line-reviewrate = • Báo cáo tháng nêu chi bộ cần chú ý khi tỷ lệ nộp tự kiểm điểm dưới: { $value }
settings-line-absentees = • Báo cáo tháng nêu chi bộ cần chú ý khi số đảng viên vắng nhiều lần từ: { $value }
settings-line-names = • Nêu tên đảng viên trong báo cáo gửi nhóm Đảng ủy: { $value }
settings-line-backup = • Sao lưu dữ liệu hằng ngày: { $value }
settings-inherited = (theo Đảng bộ)
settings-language-vi = Tiếng Việt
settings-language-en = English
settings-quiet-range = từ { $start } đến { $end }, tin nhắc riêng trong khoảng này được hoãn đến sáng
settings-quiet-off = tắt, tin nhắc riêng được gửi vào bất cứ giờ nào
settings-reminders-value = trước giờ họp { $list }
settings-threshold-value = từ { $n } lần trong năm
settings-review-value = mở ngày { $day } hằng tháng lúc { $time }
settings-review-off = tắt
settings-digest-value = ngày { $day } hằng tháng, lúc { $time }
settings-reason-value = { $duration } sau khi chốt sổ
settings-escalate-value = sau { $n } ngày quá hạn
settings-percent-value = { $n }%
settings-absentees-value = { $n } đồng chí
settings-names-on = có
settings-names-off = không (tên chỉ gửi riêng cho Bí thư chi bộ)
settings-backup-value = lúc { $time }
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
    /settings reason 48h (thời hạn báo lý do vắng)
    /settings escalate 3 (số ngày quá hạn thì báo)
    /settings lang en
    /settings tz Asia/Ho_Chi_Minh
    Ghi “reset” thay cho giá trị để dùng lại cài đặt của Đảng bộ, ví dụ /settings quiet reset.
settings-help-org =
    Cài đặt chung áp dụng cho mọi chi bộ chưa đặt riêng. Đồng chí bấm nút bên dưới để thay đổi, hoặc gõ lệnh, ví dụ:
    /settings org quiet 22:00-06:00
    /settings org reminders 3d,1d,2h (3 ngày, 1 ngày, 2 giờ)
    /settings org threshold 4
    /settings org digest 1 08:00
    /settings org attendance 70 (tỷ lệ dự họp tối thiểu, %)
    /settings org reviewrate 50 (tỷ lệ nộp tự kiểm điểm tối thiểu, %)
    /settings org absentees 2 (số đảng viên vắng nhiều lần)
    /settings org names off (không nêu tên trong nhóm Đảng ủy)
    /settings org backup 02:00 (giờ sao lưu hằng ngày)
    /settings org lang vi
    /settings org tz Asia/Ho_Chi_Minh
settings-saved = ✅ Đã lưu thay đổi.
settings-unchanged = Cài đặt này đang có đúng giá trị đó, không có gì thay đổi.
settings-button-quiet = 🌙 Giờ yên tĩnh
settings-button-reminders = ⏰ Nhắc họp
settings-button-threshold = 📋 Ngưỡng vắng
settings-button-tz = 🕐 Múi giờ
settings-button-digest = 📊 Báo cáo tháng
settings-button-reason = ⏳ Hạn báo lý do
settings-button-escalate = 📌 Việc quá hạn
settings-button-see-all = Xem tất cả cài đặt
settings-button-back = « Quay lại
settings-button-inherit = ↩️ Dùng cài đặt của Đảng bộ
settings-button-inherit-language = ↩️ Ngôn ngữ theo Đảng bộ
settings-button-off = Tắt
settings-button-times = { $n } lần
settings-button-digest-preset = Ngày { $day }, { $time }
settings-menu-quiet = Trong giờ yên tĩnh, Trợ lý không nhắn riêng cho đảng viên; tin nhắc được hoãn đến khi hết giờ yên tĩnh. Đồng chí chọn khoảng giờ:
settings-menu-reminders = Đồng chí chọn các thời điểm nhắc trước giờ sinh hoạt chi bộ:
settings-menu-threshold = Trợ lý báo riêng cho Bí thư khi một đảng viên vắng không có lý do chính đáng từ bao nhiêu lần trong một năm. Đồng chí chọn:
settings-menu-reason = Sau buổi họp, đảng viên vắng mặt còn có thời gian này để báo lý do; hết hạn mà chưa có lý do thì mới tính là vắng không lý do và báo Bí thư. Đồng chí chọn:
settings-menu-escalate = Khi một nhiệm vụ quá hạn bấy nhiêu ngày mà chưa xong, Trợ lý báo riêng cho người giao việc và Bí thư. Đồng chí chọn:
settings-menu-digest = Đồng chí chọn ngày và giờ gửi báo cáo tháng vào nhóm Đảng ủy (báo cáo của tháng trước):
settings-menu-tz = Để đổi múi giờ, đồng chí gõ /settings tz kèm tên múi giờ theo chuẩn quốc tế, ví dụ /settings tz Asia/Ho_Chi_Minh (giờ Việt Nam) hoặc /settings tz Asia/Bangkok.
settings-error-unknown-key = Trợ lý chưa hiểu mục cài đặt “{ $given }”. Các mục có thể đổi: lang (ngôn ngữ), tz (múi giờ), quiet (giờ yên tĩnh), reminders (nhắc họp), threshold (ngưỡng vắng), reason (hạn báo lý do vắng), escalate (việc quá hạn), review (tự kiểm điểm); chỉ cài đặt chung: digest (báo cáo tháng), attendance, reviewrate, absentees, names, backup. Gõ /settings để xem và bấm nút.
settings-error-missing-value = Xin ghi giá trị mới sau tên mục, ví dụ /settings threshold 4. Gõ /settings để xem các mục và bấm nút.
settings-error-language = “{ $given }” không phải ngôn ngữ Trợ lý hỗ trợ. Xin chọn vi (Tiếng Việt) hoặc en (English). Chưa có gì thay đổi.
settings-error-timezone = “{ $given }” không phải tên múi giờ hợp lệ. Xin ghi theo dạng Khu vực/Thành phố, ví dụ Asia/Ho_Chi_Minh hoặc Asia/Bangkok. Chưa có gì thay đổi.
settings-error-quiet = “{ $given }” chưa đúng dạng giờ yên tĩnh. Xin ghi giờ bắt đầu và giờ kết thúc, ví dụ 22:00-06:00, hoặc “off” để tắt. Chưa có gì thay đổi.
settings-error-quiet-same = Giờ bắt đầu và giờ kết thúc của giờ yên tĩnh không được trùng nhau, ví dụ 22:00-06:00. Chưa có gì thay đổi.
settings-error-reminders = “{ $given }” chưa đúng dạng. Xin ghi từ 1 đến 5 mốc nhắc, cách nhau bằng dấu phẩy; mỗi mốc từ 15 phút (15m) đến 14 ngày (14d), ví dụ 3d,1d,2h. Chưa có gì thay đổi.
settings-error-threshold = Ngưỡng vắng phải là một số từ 1 đến 12, ví dụ /settings threshold 3. Chưa có gì thay đổi.
settings-error-review = “{ $given }” chưa đúng dạng. Xin ghi ngày (từ 1 đến 28) rồi đến giờ, ví dụ /settings review 25 19:00, hoặc /settings review off để tắt. Chưa có gì thay đổi.
settings-error-digest = “{ $given }” chưa đúng dạng. Xin ghi ngày (từ 1 đến 28) rồi đến giờ, ví dụ /settings org digest 1 08:00. Chưa có gì thay đổi.
settings-error-org-only = Mục này là cài đặt chung của Đảng bộ (báo cáo tháng, sao lưu); quản trị viên Đảng ủy đổi bằng /settings org { $name } trong trò chuyện riêng với Trợ lý. Chưa có gì thay đổi.
settings-error-reason = “{ $given }” chưa đúng dạng. Xin ghi số giờ từ 1 đến 336 (14 ngày), ví dụ /settings reason 48 hoặc /settings reason 2d. Chưa có gì thay đổi.
settings-error-escalate = “{ $given }” chưa đúng dạng. Xin ghi số ngày từ 1 đến 30, ví dụ /settings escalate 3. Chưa có gì thay đổi.
settings-error-attendance = “{ $given }” chưa đúng dạng. Xin ghi tỷ lệ phần trăm từ 0 đến 100, ví dụ /settings org attendance 70. Chưa có gì thay đổi.
settings-error-reviewrate = “{ $given }” chưa đúng dạng. Xin ghi tỷ lệ phần trăm từ 0 đến 100, ví dụ /settings org reviewrate 50. Chưa có gì thay đổi.
settings-error-absentees = “{ $given }” chưa đúng dạng. Xin ghi số đảng viên từ 1 đến 50, ví dụ /settings org absentees 2. Chưa có gì thay đổi.
settings-error-names = “{ $given }” chưa đúng dạng. Xin ghi “on” để nêu tên hoặc “off” để không nêu tên, ví dụ /settings org names off. Chưa có gì thay đổi.
settings-error-backup = “{ $given }” chưa đúng dạng giờ. Xin ghi giờ sao lưu, ví dụ /settings org backup 02:00. Chưa có gì thay đổi.
settings-error-backup-postgres = Với cơ sở dữ liệu PostgreSQL, dữ liệu được sao lưu bằng công cụ của máy chủ (pg_dump); Trợ lý không tự sao lưu nên không có giờ sao lưu để đặt. Chưa có gì thay đổi.
settings-error-reset-org = Chỉ cài đặt riêng của chi bộ mới có thể trở về cài đặt của Đảng bộ. Với cài đặt chung, xin ghi giá trị mới. Chưa có gì thay đổi.

## Mô tả lệnh

cmd-settings = Cài đặt nhắc lịch, giờ yên lặng, ngôn ngữ
