## Joining a cell: invitations, join requests, personal links

invite-group =
    📣 { $cell } invites its party members to use the Party Cell Assistant.
    Tap “Join the cell” below and the cell secretary will confirm. Better still, tap “Join and get private reminders” so the assistant can message you meeting dates and tasks privately.
invite-private =
    Invitation link to { $cell }:
    { $link }
    Forward this message to the cell's members. When they open the link and tap “Start”, their request to join comes to you for approval.
invite-button-join = 🙋 Join the cell
invite-button-link = ✉️ Join and get private reminders
join-link-invalid = This join link is wrong or out of date. Please ask your cell secretary to send the invitation again.
join-cell-inactive = { $cell } is no longer active in the assistant, so it does not take join requests. Please contact your cell secretary.
join-already-member = You are already a member of { $cell } in the assistant. Type /me to see your details.
join-already-pending = Your request to join { $cell } has been sent and is waiting for the cell secretary's approval. There is no need to send it again.
join-request-sent = Your request to join { $cell } has been sent. The cell secretary (or a committee admin) will review it; the assistant will let you know.
join-request-to-manager =
    🙋 Request to join { $cell }
    Comrade { $name } asks to join the cell in the assistant.
    Tap a button below to decide.
join-button-approve = ✅ Approve
join-button-reject = ✖️ Reject
join-approved-toast = Approved.
join-rejected-toast = Rejected.
join-decided-approved = ✅ Approved: comrade { $name } is a member of { $cell } (number { $number } in /members). Decided by { $decider }.
join-decided-rejected = ✖️ Rejected the request of { $name } to join { $cell }. Decided by { $decider }.
join-decided-already = { $state ->
        [approved] This request was already approved by { $decider }.
       *[rejected] This request was already rejected by { $decider }.
    }
join-approved-member = 🎉 Your request has been approved: you are now a member of { $cell } in the assistant. I will message you meeting dates, tasks and requests for your views privately. Type /me to see your details.
join-rejected-member = Your request to join { $cell } was not approved. If this is a mistake, please speak to the cell secretary directly. Thank you, comrade.
join-welcome-group = 🌷 The cell welcomes comrade { $name } to { $cell } in the Party Cell Assistant.
join-welcome-group-unreachable = Comrade { $name }, please tap “Get private reminders” below so the assistant can message you meeting dates and tasks privately.
join-button-private-reminders = 🔔 Get private reminders
claim-invalid = This personal link is no longer valid: it has been used already or is wrong. If you used it before, type /me to see your details; if not, please ask your cell secretary for a new link.
claim-done =
    Greetings, comrade { $name }! This Telegram account is now recorded as yours.
    You are a member of:
    { $cells }
    From now on I will message you meeting dates, tasks and requests for your views privately. Type /me to see your details.
claim-done-no-cells = Greetings, comrade { $name }! This Telegram account is now recorded as yours. You do not belong to an active cell at the moment; your cell secretary will update this.
claim-cell-line = • { $cell }: { $role }
join-request-name-matches = ⚠️ Please note: “{ $member }” (#{ $number }) is already in the cell, and the requester's name matches it (ignoring case, diacritics and invisible characters). It may be someone else posing as them, or the same comrade with a second account. Please check with { $member } in person before approving.

## Command descriptions

cmd-invite = Invite members to join the cell on the assistant
