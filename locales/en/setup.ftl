## Setup: organisation, cells, committee chat

cell-kind-neighbourhood = neighbourhood
cell-kind-school = school
cell-kind-enterprise = enterprise
cell-kind-agency = agency
cell-kind-front = Fatherland Front and mass organisations
cell-kind-other = other
group-welcome =
    Greetings, comrades! I am the Party Cell Assistant: I remind you of meetings, hand out and follow up tasks, and collect members' views.
    Next step: a committee admin types /register_cell <cell name> in this group, for example: /register_cell Neighbourhood 1 Cell
    If this is the committee's group (where reports go), type /register_committee instead.
group-welcome-back = The assistant is back in this group. { $cell } is active again.
register-cell-usage = Usage: /register_cell <cell name> [| <kind>], for example: /register_cell Neighbourhood 1 Cell | neighbourhood. Kinds: neighbourhood, school, enterprise, agency, front, other.
register-cell-in-group = Please type /register_cell in the group chat of the cell you want to register (after adding the assistant to it).
register-cell-bad-kind = “{ $given }” is not a cell kind. Please choose one of: neighbourhood, school, enterprise, agency, front, other.
register-cell-is-committee = This group receives the committee's reports; it cannot be registered as a cell.
register-cell-other-organisation = This group already belongs to another organisation in the assistant.
register-cell-done =
    This group is now registered as { $cell } ({ $kind } cell).
    Next step: the cell secretary invites members with /invite, or sends a CSV/Excel roster with the /import command.
register-cell-updated = Updated: this group is { $cell } ({ $kind } cell).
cell-removed-admin-notice = The assistant was removed from the group of { $cell }. The cell is paused in the assistant; its data is kept. Add the assistant back to the group to continue.
register-committee-usage = Usage: type /register_committee in the committee's group; or in a private chat: /register_committee <@channel or channel id>, for example /register_committee @wardcommittee.
register-committee-is-cell = This group belongs to a cell; it cannot receive the committee's reports.
register-committee-not-found = The assistant cannot find the channel or group “{ $chat }”. Please check the name and add the assistant to it as an admin allowed to post.
register-committee-bot-cannot-post = The assistant cannot post in “{ $chat }” yet. Please make it an admin allowed to post messages, then try again.
register-committee-caller-not-admin = You need to be an admin of “{ $chat }” to register it for the committee's reports.
register-committee-done = “{ $chat }” will now receive the monthly digest and alerts of { $organisation }.
register-committee-hello = This chat will receive the monthly digest and alerts of the Party Cell Assistant for { $organisation }.
org-name-usage = Usage: /org_name <organisation name>, for example: /org_name Ben Thanh Ward Party Committee
org-name-done = The organisation is now called { $organisation }.

## Command descriptions

cmd-register-cell = Register a group chat as a cell
cmd-register-committee = Register the committee's report chat
cmd-org-name = Name the organisation
