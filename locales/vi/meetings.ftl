## Nhắc lịch họp

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
meeting-moved-private = 🔁 { $cell }: { $title } đã dời sang { $when } (trước đây: { $from }).
meeting-moved-private-ask = Xin đồng chí xác nhận tham dự theo giờ mới bằng một nút bên dưới.
meeting-before-move-line = Trước khi dời, đồng chí đã báo: { $answer }. Xin đồng chí xác nhận lại theo giờ mới bằng một nút bên dưới.
meeting-before-move-attend = tham dự
meeting-before-move-absent = vắng mặt
meeting-before-move-unsure = chưa chắc
meeting-before-move-with-reason = { $answer } ({ $reason })
meeting-before-move-reason-health = sức khỏe
meeting-before-move-reason-work = công việc
meeting-before-move-reason-family = việc gia đình
meeting-before-move-reason-other = lý do khác
meeting-reminder-btn-attend = ✅ Tham dự
meeting-reminder-btn-absent = ❌ Vắng mặt
meeting-reminder-btn-unsure = ❔ Chưa chắc
meeting-reminder-agenda-owner = Kính nhắc đồng chí { $name }: đồng chí phụ trách phần «{ $item }» trong buổi sinh hoạt vào { $when }. Xin đồng chí chuẩn bị chu đáo.
meeting-reminder-agenda-check = Kính gửi đồng chí { $name }: buổi sinh hoạt vào { $when } còn { $count }/{ $total } phần chưa sẵn sàng:
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
    ✅ Đã kết thúc { $meeting } và chốt sổ điểm danh.
    • Có mặt: { $present } (trong đó điểm danh hộ: { $proxy })
    • Vắng có lý do: { $excused }
    • Vắng không có lý do: { $unexcused }
    • Tổng số dự kiến: { $expected } — tỷ lệ dự họp { $rate }%
close-result-conclusions = 📝 Kết luận: { $conclusions }
close-result-reasons = Trợ lý sẽ nhắn riêng hỏi lý do { $asked } đồng chí vắng chưa có lý do; { $unreached } đồng chí chưa nhận được tin nhắn riêng (chưa mở trò chuyện với Trợ lý). Các đồng chí vắng có { $hours } giờ để báo lý do.
close-result-thanks = Cảm ơn các đồng chí đã tham dự.
close-confirm-no-checkin =
    Cuộc họp { $meeting } chưa mở điểm danh (/checkin). Nếu chốt sổ bây giờ:
    • Có mặt: { $present } (trong đó điểm danh hộ: { $proxy })
    • Vắng có lý do: { $excused }
    • Vắng không có lý do: { $unexcused }
    • Tổng số dự kiến: { $expected } — tỷ lệ dự họp { $rate }%
    Đồng chí có chắc muốn chốt sổ không? Nếu chưa, xin mở điểm danh bằng /checkin trước.
close-confirm-many-absent =
    Nếu chốt sổ bây giờ, { $meeting } sẽ có từ một nửa số đảng viên dự kiến trở lên vắng mặt:
    • Có mặt: { $present } (trong đó điểm danh hộ: { $proxy })
    • Vắng có lý do: { $excused }
    • Vắng không có lý do: { $unexcused }
    • Tổng số dự kiến: { $expected } — tỷ lệ dự họp { $rate }%
    Đồng chí có chắc muốn chốt sổ không?
close-confirm-button = ✅ Chốt sổ
close-cancel-button = Thôi
close-confirm-dropped = Chưa chốt sổ { $meeting }. Đồng chí có thể tiếp tục điểm danh rồi gõ lại /close_meeting.
close-confirm-accepted = Đang chốt sổ { $meeting }…
close-done-secretary = Đã chốt sổ điểm danh { $meeting }. Số đồng chí vắng chưa có lý do: { $unexcused }. Trợ lý sẽ nhắn riêng hỏi lý do { $asked } đồng chí; { $unreached } đồng chí chưa nhận được tin nhắn riêng (chưa mở trò chuyện với Trợ lý).
absence-reason-ask =
    Kính gửi đồng chí, sổ điểm danh { $meeting } ghi đồng chí vắng mặt chưa có lý do.
    Xin đồng chí cho biết lý do trước { $deadline } bằng cách bấm một nút dưới đây.
absence-reason-health = 🏥 Sức khỏe
absence-reason-work = 💼 Công việc
absence-reason-family = 👪 Việc gia đình
absence-reason-other = ✏️ Lý do khác
absence-reason-other-ask = Xin đồng chí gõ lý do vắng mặt rồi gửi (không quá 500 ký tự).
absence-reason-other-placeholder = Lý do vắng mặt
absence-reason-thanks = Cảm ơn đồng chí, Trợ lý đã ghi nhận lý do vắng mặt.
absence-reason-already = Lý do vắng mặt của đồng chí đã được ghi nhận trước đó.
absence-reason-bad-text = Lý do cần có nội dung và không quá { $max } ký tự. Xin đồng chí gửi lại lý do.
absence-alert = 🔔 Đồng chí { $name } ({ $cell }) đã vắng họp không có lý do { $count } lần trong năm { $year }. Đề nghị đồng chí trao đổi, nhắc nhở đồng chí ấy.
attendance-edit-usage = Cách dùng: /attendance #<số cuộc họp> <đảng viên> có mặt | thay mặt | vắng có lý do | vắng không lý do — ví dụ: /attendance #12 #3 vắng có lý do
attendance-edit-not-closed = Cuộc họp { $meeting } chưa kết thúc; sổ điểm danh chỉ sửa được sau khi /close_meeting.
attendance-edit-done = Đã sửa sổ điểm danh { $meeting }: đồng chí { $name } — { $status }.
attendance-status-present = có mặt
attendance-status-proxy = có mặt (điểm danh hộ)
attendance-status-absent-excused = vắng có lý do
attendance-status-absent-unexcused = vắng không có lý do

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
meeting-state-in-progress = đang diễn ra, chưa chốt sổ
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
meeting-preview-ask = Đồng chí kiểm tra lại: bấm “Thông báo” để gửi vào nhóm, “Sửa” để gõ lại, hoặc “Thôi”.
meeting-preview-announce-button = 📢 Thông báo
meeting-preview-edit-button = ✏️ Sửa
meeting-preview-editing = Đang sửa cuộc họp…
meeting-preview-retype = Xin đồng chí gõ lại cuộc họp rồi gửi: ngày giờ | địa điểm | tiêu đề (tiêu đề có thể bỏ), ví dụ: 12/12 19h30 | Hội trường Khu phố 2.
meeting-preview-retype-placeholder = 12/12 19h30 | Hội trường
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
schedule-month-has-meeting = • Tháng này chi bộ đã có cuộc họp #{ $ref } ({ $when }), nên lịch thường kỳ bắt đầu từ tháng sau.
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

## Mô tả lệnh

cmd-meetings = Lịch sinh hoạt của chi bộ
cmd-agenda = Nội dung cuộc họp và người phụ trách
cmd-meeting = Thông báo buổi sinh hoạt
cmd-move-meeting = Dời buổi sinh hoạt
cmd-cancel-meeting = Hủy buổi sinh hoạt
cmd-meeting-schedule = Lịch sinh hoạt thường kỳ hằng tháng
cmd-opinions = Ý kiến đảng viên gửi trước cuộc họp
cmd-checkin = Điểm danh cuộc họp
cmd-close-meeting = Kết thúc cuộc họp, chốt điểm danh và kết luận
cmd-attendance = Sửa điểm danh sau cuộc họp

## Thiết lập: Đảng bộ, chi bộ, kênh Đảng ủy

cell-paused-answer = { $cell } đang tạm ngừng trên Trợ lý (Trợ lý đã rời nhóm của chi bộ), nên câu trả lời của đồng chí chưa được ghi nhận. Mọi việc sẽ tiếp tục khi Trợ lý được thêm lại vào nhóm.

## /me: buổi sinh hoạt sắp tới

me-meeting-next = 📅 Buổi sinh hoạt sắp tới của { $cell }: { $when }{ $hasPlace ->
        [yes] , tại { $place }
       *[no] {""}
    }
me-meeting-none = 📅 Chi bộ chưa có buổi sinh hoạt nào sắp tới.
me-meeting-answer-none = Đồng chí chưa xác nhận tham dự — xin bấm một nút trong tin nhắc hoặc trong thông báo của nhóm.
me-meeting-answer-attend = Đồng chí đã báo: tham dự.
me-meeting-answer-absent = Đồng chí đã báo: vắng mặt{ $hasReason ->
        [yes] {" "}({ $reason })
       *[no] {""}
    }.
me-meeting-answer-unsure = Đồng chí đã báo: chưa chắc tham dự.
me-meeting-answer-before-move = Trước khi dời lịch, đồng chí đã báo: { $answer }. Xin đồng chí xác nhận lại theo giờ mới.
