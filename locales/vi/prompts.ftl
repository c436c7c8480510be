## Câu hỏi gửi chi bộ (/ask, /results, /asks, /close_ask), góp ý sau sinh hoạt, tự kiểm điểm hằng tháng

cmd-ask = Gửi câu hỏi lấy ý kiến chi bộ
cmd-results = Xem kết quả một câu hỏi
cmd-asks = Các câu hỏi đang mở và gần đây
cmd-close-ask = Kết thúc một câu hỏi trước hạn

ask-usage =
    Cách gửi câu hỏi lấy ý kiến (hoặc gõ /ask không kèm gì để soạn từng bước bằng nút bấm):
    /ask Nội dung câu hỏi | Phương án 1 | Phương án 2 hạn 10/12 20:00
    • Thêm “ẩn danh” ngay sau /ask để không ai biết ai trả lời gì.
    • Không có phương án: đảng viên trả lời bằng lời (gõ chữ hoặc gửi tin nhắn thoại).
    • “| 1-5”: chấm điểm từ 1 đến 5; “| có | không”: trả lời có/không.
    • “cho tổ 1” hoặc “cho @ten_a @ten_b”: chỉ hỏi một tổ đảng hoặc một số đồng chí.
ask-question-too-long = Câu hỏi dài quá { $max } ký tự. Xin đồng chí rút gọn rồi gửi lại; chưa có gì được lưu.
ask-one-option = Câu hỏi lựa chọn cần ít nhất 2 phương án. Xin đồng chí thêm phương án (ngăn cách bằng dấu |) hoặc bỏ hẳn để đảng viên trả lời bằng lời.
ask-too-many-options = Câu hỏi chỉ có thể có tối đa { $max } phương án. Xin đồng chí bớt phương án rồi gửi lại.
ask-duplicate-option = Phương án “{ $option }” bị lặp lại. Xin đồng chí sửa rồi gửi lại.
ask-option-too-long = Phương án “{ $option }” dài quá { $max } ký tự. Xin đồng chí rút gọn rồi gửi lại.
ask-empty-option = Có một phương án để trống (hai dấu | liền nhau). Xin đồng chí sửa rồi gửi lại.
ask-audience-empty = Xin đồng chí ghi rõ hỏi ai sau chữ “cho”: “cho tổ 1” hoặc “cho @ten_a @ten_b”.
ask-deadline-problem = Hạn trả lời chưa đúng:
ask-group-unknown = Chi bộ không có tổ đảng “{ $name }”. Xin đồng chí xem tên các tổ bằng /groups.
ask-anonymous-too-few = Câu hỏi ẩn danh cần hỏi ít nhất { $min } đồng chí, nếu không thì ai cũng đoán được ai trả lời gì. Xin đồng chí hỏi thêm người hoặc bỏ “ẩn danh”.
ask-preview-header = Xem trước câu hỏi (chưa gửi):
ask-preview-audience-cell = Hỏi: toàn chi bộ ({ $count } đồng chí).
ask-preview-audience-group = Hỏi: { $name } ({ $count } đồng chí).
ask-preview-audience-members = Hỏi: { $count } đồng chí được chọn.
ask-preview-closes = Hạn trả lời: { $when }.
ask-post-button = 📨 Gửi câu hỏi
ask-drop-button = Hủy
ask-dropped = Đã hủy, câu hỏi không được gửi.
ask-posted = Đã gửi câu hỏi #{ $ref }. Đồng chí xem kết quả bằng /results { $ref }.
ask-already-posted = Câu hỏi #{ $ref } đã được gửi rồi.
ask-deadline-passed = Hạn trả lời đã qua trước khi câu hỏi được gửi. Xin đồng chí gửi lại với hạn mới.
ask-preview-no-deadline = Không có hạn trả lời: câu hỏi mở đến khi đồng chí kết thúc bằng /close_ask { $ref }.

ask-guided-header = Soạn câu hỏi gửi { $cell }
ask-guided-step-kind = Đồng chí muốn hỏi theo cách nào?
ask-guided-kind-choice = 🔘 Chọn phương án
ask-guided-kind-yes-no = 👍 Có / Không
ask-guided-kind-rating = ⭐ Chấm điểm 1–5
ask-guided-kind-text = ✍️ Trả lời bằng lời
ask-guided-step-anonymous = Ghi tên người trả lời hay ẩn danh? (Ẩn danh: không ai, kể cả Bí thư, biết ai trả lời gì; cần hỏi ít nhất 3 đồng chí.)
ask-guided-named = Ghi tên
ask-guided-anonymous = Ẩn danh
ask-guided-step-due = Hạn trả lời đến khi nào?
ask-guided-due-1 = 1 ngày
ask-guided-due-3 = 3 ngày
ask-guided-due-week = Cuối tuần (hết Chủ nhật)
ask-guided-due-none = Không hạn
ask-guided-due-type = 📅 Gõ ngày khác
ask-guided-due-at = hạn { $when }
ask-guided-due-ask = Xin đồng chí gõ hạn trả lời, ví dụ: 15/12, thứ 6 tuần sau 20h, cuối tháng.
ask-guided-due-placeholder = Ví dụ: 15/12 20h
ask-guided-step-audience = Hỏi những ai?
ask-guided-audience-cell = Cả chi bộ
ask-guided-audience-members = 👤 Một số đồng chí
ask-guided-members = Xin đồng chí gõ tên những đồng chí cần hỏi, cách nhau bằng dấu phẩy (hoặc @tên Telegram, hoặc số thứ tự trong /members).
ask-guided-members-anonymous = Xin đồng chí gõ tên ít nhất { $min } đồng chí cần hỏi, cách nhau bằng dấu phẩy (hoặc @tên Telegram, hoặc số thứ tự trong /members).
ask-guided-members-placeholder = Ví dụ: Nguyễn Văn An, Trần Thị Bình
ask-guided-members-empty = Xin đồng chí gõ ít nhất một tên.
ask-guided-question = Xin đồng chí gõ nội dung câu hỏi.
ask-guided-question-choice =
    Xin đồng chí gõ câu hỏi ở dòng đầu, rồi mỗi phương án một dòng (từ 2 đến 10 phương án), ví dụ:
    Chi bộ chọn hoạt động nào tháng này?
    Thăm gia đình chính sách
    Ra quân làm sạch đường phố
ask-guided-question-placeholder = Nội dung câu hỏi
ask-guided-need-options = Câu hỏi chọn phương án cần ít nhất 2 phương án. Xin đồng chí gõ lại: câu hỏi ở dòng đầu, mỗi phương án một dòng.
ask-guided-moved-private = Trợ lý đã nhắn riêng cho đồng chí để soạn câu hỏi từng bước.
ask-guided-open-private-first = Câu hỏi được soạn trong tin nhắn riêng. Xin đồng chí bấm nút bên dưới để mở tin nhắn riêng với Trợ lý, rồi gõ lại /ask.

prompt-post-header-named = ❓ Câu hỏi của chi bộ (#{ $ref })
prompt-post-header-anonymous = ❓ Câu hỏi của chi bộ (#{ $ref }) — ẩn danh: không ai, kể cả Bí thư, biết đồng chí trả lời gì
prompt-question-numbered = { $n }. { $text }
prompt-option-line = { $n }) { $text }
prompt-post-deadline = ⏰ Hạn trả lời: { $when }
prompt-post-closed = Đã kết thúc: { $when }.
prompt-post-count = Đã trả lời: { $answered }/{ $asked }
prompt-post-answer-privately = Xin các đồng chí bấm nút bên dưới để trả lời trong tin nhắn riêng với Trợ lý.
prompt-answer-privately-button = ✍️ Trả lời riêng
prompt-write-button = ✍️ Viết câu trả lời
prompt-yes = Có
prompt-no = Không
prompt-rating-label = { $value } điểm

prompt-private-intro-custom = { $cell } hỏi ý kiến đồng chí (câu hỏi #{ $ref }{ $anonymous ->
        [yes] , ẩn danh
       *[other] {""}
    }):
prompt-private-intro-post-meeting = Góp ý sau buổi sinh hoạt của { $cell } (ẩn danh: không ai biết đồng chí trả lời gì). Đồng chí dành một phút trả lời { $count } câu hỏi:
prompt-private-intro-self-review = Tự kiểm điểm tháng { $period } của { $cell }. Đồng chí dành vài phút trả lời { $count } câu hỏi về việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và việc thực hiện nhiệm vụ trong tháng. Chỉ Bí thư chi bộ xem được câu trả lời.
prompt-private-deadline = Hạn trả lời: { $when }.
prompt-nudge-intro = Kính nhắc đồng chí { $name }: đồng chí chưa trả lời câu hỏi #{ $ref }.
prompt-self-review-no-tasks = (Đồng chí không có nhiệm vụ nào đang mở.)
prompt-self-review-tasks-header = Nhiệm vụ của đồng chí chưa xong ({ $count }):
prompt-self-review-task = • { $title }{ $hasDue ->
        [yes] {" "}— hạn { $due }
       *[other] {""}
    }
prompt-self-review-task-overdue = • { $title } — ⚠️ quá hạn{ $hasDue ->
        [yes] {" "}({ $due })
       *[other] {""}
    }

prompt-text-ask = Xin đồng chí gõ câu trả lời (hoặc gửi tin nhắn thoại): { $text }
prompt-text-ask-numbered = Câu { $n }: { $text }
    Xin đồng chí gõ câu trả lời (hoặc gửi tin nhắn thoại).
prompt-text-how = Xin đồng chí gõ câu trả lời (hoặc gửi tin nhắn thoại).
prompt-text-placeholder = Câu trả lời của đồng chí
prompt-answer-recorded = Đã ghi nhận: { $answer }. Cảm ơn đồng chí!
prompt-answer-changed = Đã đổi câu trả lời thành: { $answer }.
prompt-text-recorded = Đã ghi nhận câu trả lời của đồng chí. Cảm ơn đồng chí!
prompt-text-changed = Đã thay câu trả lời trước bằng câu trả lời này.
prompt-all-done = Đồng chí đã trả lời đủ các câu hỏi. Cảm ơn đồng chí! Đến trước hạn, đồng chí vẫn có thể trả lời lại; câu trả lời sau cùng được tính.
prompt-words-ask = Đồng chí có muốn nói thêm vài lời không? Đồng chí gõ chữ hoặc gửi tin nhắn thoại; nếu không, xin bấm “Bỏ qua” để sang câu tiếp theo.
prompt-words-skip-button = ⏭ Bỏ qua
prompt-words-recorded = Đã ghi nhận ý kiến của đồng chí.
prompt-reply-use-buttons = Câu hỏi này được trả lời bằng nút bấm dưới câu hỏi, không bằng tin nhắn trả lời. Xin đồng chí bấm nút để trả lời.
prompt-reply-anonymous-removed = Đã ghi nhận một câu trả lời ẩn danh. Để giữ ẩn danh, Trợ lý đã gỡ tin nhắn trả lời khỏi nhóm. Lần sau, đồng chí có thể bấm “✍️ Viết câu trả lời” để trả lời riêng.
prompt-reply-anonymous-kept = Đã ghi nhận một câu trả lời ẩn danh. Lưu ý: tin nhắn trả lời trong nhóm thì mọi người trong nhóm đều đọc được; đồng chí nên tự xóa tin nhắn đó, và lần sau bấm “✍️ Viết câu trả lời” để trả lời riêng.
prompt-answer-closed = Câu hỏi này đã hết hạn, câu trả lời không được ghi nhận. Cảm ơn đồng chí.
prompt-answer-unknown = Câu trả lời này không có trong câu hỏi. Xin đồng chí bấm một nút của câu hỏi.
prompt-answer-empty = Câu trả lời đang trống. Xin đồng chí gõ câu trả lời hoặc gửi tin nhắn thoại.
prompt-answer-too-long = Câu trả lời dài quá { $max } ký tự. Xin đồng chí rút gọn rồi gửi lại.
prompt-answer-locked = Câu trả lời ẩn danh trước đây của đồng chí không thể sửa được nữa (khóa bảo mật của Trợ lý đã thay đổi); câu trả lời đó vẫn được tính.
prompt-cell-paused = { $cell } đang tạm ngừng trên Trợ lý (Trợ lý đã rời nhóm của chi bộ), nên câu trả lời chưa được ghi nhận.
prompt-not-for-you = Câu hỏi này không dành cho đồng chí.
prompt-ref-usage = Xin đồng chí ghi số câu hỏi, ví dụ: /results 12. Xem số các câu hỏi bằng /asks.
prompt-not-found = Chi bộ không có câu hỏi số { $ref }. Xem các câu hỏi bằng /asks.
prompt-closed-notice = Câu hỏi #{ $ref } đã kết thúc: { $answered }/{ $asked } đồng chí đã trả lời. Xem kết quả bằng /results { $ref }.

close-ask-already = Câu hỏi #{ $ref } đã kết thúc trước đó.
close-ask-done = Đã kết thúc câu hỏi #{ $ref }: { $answered }/{ $asked } đồng chí đã trả lời. Xem kết quả bằng /results { $ref }.

prompt-results-header = Kết quả câu hỏi #{ $ref }{ $anonymous ->
        [yes] {" "}(ẩn danh)
       *[other] {""}
    } — { $state ->
        [open] đang mở
       *[other] đã kết thúc
    }: { $answered }/{ $asked } đồng chí đã trả lời.
prompt-results-too-few = Đã có { $count } câu trả lời. Kết quả câu hỏi ẩn danh chỉ hiện khi có ít nhất { $min } đồng chí trả lời, để không ai đoán được ai trả lời gì.
prompt-results-question = { $n }. { $text } ({ $count } câu trả lời)
prompt-results-count = • { $label }: { $count } ({ $percent }%)
prompt-results-names = {" "}— { $names }
prompt-results-hidden = • { $label }: dưới 3 (ẩn để giữ bí mật)
prompt-results-average = Điểm trung bình: { $average }/5
prompt-results-none = (chưa có câu trả lời)
prompt-results-text = • { $text }
prompt-results-text-named = • { $name }: { $text }
prompt-results-voice = [tin nhắn thoại]
prompt-results-words = Ý kiến thêm:
results-secretary-only = Kết quả tự kiểm điểm chỉ Bí thư chi bộ xem được.
results-post-summary-button = 📢 Đăng tóm tắt (không tên) vào nhóm
results-summary-posted = Đã đăng tóm tắt vào nhóm chi bộ.
results-sent-privately = Trợ lý đã gửi kết quả vào tin nhắn riêng cho đồng chí.
results-open-private-first = Kết quả chỉ gửi riêng. Xin đồng chí bấm nút bên dưới để mở tin nhắn riêng với Trợ lý, rồi gõ lại lệnh.

asks-empty = Chi bộ chưa có câu hỏi nào đang mở hoặc gần đây.
asks-header = Các câu hỏi của { $cell }:
asks-line = #{ $ref } { $text } — { $answered }/{ $asked } đã trả lời, { $state ->
        [open] hạn { $when }
        [endless] chưa đặt hạn
       *[other] đã kết thúc
    }

post-meeting-q-rating = Đồng chí đánh giá buổi sinh hoạt vừa qua thế nào (1 = chưa tốt, 5 = rất tốt)?
post-meeting-q-better = Lần sinh hoạt tới cần làm tốt hơn điều gì?

self-review-q1 = Trong tháng, đồng chí học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh thế nào?
self-review-good = Tốt
self-review-fair = Khá
self-review-try = Cần cố gắng
self-review-q2 = Đồng chí thực hiện các nhiệm vụ được giao trong tháng thế nào?
self-review-tasks-well = Hoàn thành tốt
self-review-tasks-done = Hoàn thành
self-review-tasks-not = Chưa hoàn thành
self-review-q3 = Tự phê bình: điều đồng chí thấy mình cần sửa (gõ chữ hoặc gửi tin nhắn thoại).
self-review-summary-header = Tổng hợp tự kiểm điểm tháng { $period }: { $answered }/{ $asked } đồng chí đã nộp.
self-review-summary-missing = Chưa nộp ({ $count }): { $names }
self-review-summary-member = — Đồng chí { $name }:
self-review-summary-answer =   { $n }. { $value }
self-review-summary-with-words = { $choice } — { $words }
