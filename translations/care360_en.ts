<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Care360::ApiJob</name>
    <message numerus="yes">
        <source>no complete answer within %Ln second(s)</source>
        <translation>
            <numerusform>no complete answer within %Ln second</numerusform>
            <numerusform>no complete answer within %Ln seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::ApiOutcome</name>
    <message numerus="yes">
        <source>Care360 asks to slow down (%1); try again in %Ln second(s).</source>
        <translation>
            <numerusform>Care360 asks to slow down (%1); try again in %Ln second.</numerusform>
            <numerusform>Care360 asks to slow down (%1); try again in %Ln seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes saved; the case has %Ln active escalation(s).</source>
        <translation>
            <numerusform>Changes saved; the case has %Ln active escalation.</numerusform>
            <numerusform>Changes saved; the case has %Ln active escalations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln active escalation(s) loaded.</source>
        <translation>
            <numerusform>%Ln active escalation loaded.</numerusform>
            <numerusform>%Ln active escalations loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln escalation(s) are no longer active (completed or removed elsewhere); the list has been refreshed and your other changes are kept.</source>
        <translation>
            <numerusform>%Ln escalation is no longer active (completed or removed elsewhere); the list has been refreshed and your other changes are kept.</numerusform>
            <numerusform>%Ln escalations are no longer active (completed or removed elsewhere); the list has been refreshed and your other changes are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Care360 asks to slow down (%1); try again in %Ln second(s). Your changes are kept.</source>
        <translation>
            <numerusform>Care360 asks to slow down (%1); try again in %Ln second. Your changes are kept.</numerusform>
            <numerusform>Care360 asks to slow down (%1); try again in %Ln seconds. Your changes are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Someone else changed %Ln field(s) you edited on Care360 since you began; each is marked Conflict. Keep yours or take theirs, then send again. Nothing was sent.</source>
        <translation>
            <numerusform>Someone else changed %Ln field you edited on Care360 since you began; it is marked Conflict. Keep yours or take theirs, then send again. Nothing was sent.</numerusform>
            <numerusform>Someone else changed %Ln fields you edited on Care360 since you began; each is marked Conflict. Keep yours or take theirs, then send again. Nothing was sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln escalation(s) are no longer active (completed or removed elsewhere); the list has been refreshed.</source>
        <translation>
            <numerusform>%Ln escalation is no longer active (completed or removed elsewhere); the list has been refreshed.</numerusform>
            <numerusform>%Ln escalations are no longer active (completed or removed elsewhere); the list has been refreshed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::BulkEditDialog</name>
    <message numerus="yes">
        <source>&amp;Assign %Ln selected escalation(s) to:</source>
        <translation>
            <numerusform>&amp;Assign %Ln selected escalation to:</numerusform>
            <numerusform>&amp;Assign %Ln selected escalations to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Follow up %Ln selected escalation(s) on:</source>
        <translation>
            <numerusform>&amp;Follow up %Ln selected escalation on:</numerusform>
            <numerusform>&amp;Follow up %Ln selected escalations on:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add this line to the notes of %Ln selected escalation(s):</source>
        <translation>
            <numerusform>&amp;Add this line to the notes of %Ln selected escalation:</numerusform>
            <numerusform>&amp;Add this line to the notes of %Ln selected escalations:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::CaseWorkspace</name>
    <message numerus="yes">
        <source>Set the assignee of %Ln escalation(s)</source>
        <translation>
            <numerusform>Set the assignee of %Ln escalation</numerusform>
            <numerusform>Set the assignee of %Ln escalations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the follow-up of %Ln escalation(s)</source>
        <translation>
            <numerusform>Set the follow-up of %Ln escalation</numerusform>
            <numerusform>Set the follow-up of %Ln escalations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add a line to %Ln note(s)</source>
        <translation>
            <numerusform>Add a line to %Ln note</numerusform>
            <numerusform>Add a line to %Ln notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::EscalationDelegate</name>
    <message numerus="yes">
        <source>%Ln person(s) offered; Down to choose, Enter to take.</source>
        <translation>
            <numerusform>%Ln person offered; Down to choose, Enter to take.</numerusform>
            <numerusform>%Ln people offered; Down to choose, Enter to take.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::EscalationPresenter</name>
    <message numerus="yes">
        <source>Due within %Ln hour(s)</source>
        <translation>
            <numerusform>Due within %Ln hour</numerusform>
            <numerusform>Due within %Ln hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpRefresher</name>
    <message numerus="yes">
        <source>Refresh stopped: %1 of %Ln case(s) listed.</source>
        <translation>
            <numerusform>Refresh stopped: %1 of %Ln case listed.</numerusform>
            <numerusform>Refresh stopped: %1 of %Ln cases listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %1 of %Ln case(s).</source>
        <translation>
            <numerusform>Refreshed %1 of %Ln case.</numerusform>
            <numerusform>Refreshed %1 of %Ln cases.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpsModel</name>
    <message numerus="yes">
        <source>%1, %Ln follow-up(s)</source>
        <translation>
            <numerusform>%1, %Ln follow-up</numerusform>
            <numerusform>%1, %Ln follow-ups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpsWindow</name>
    <message numerus="yes">
        <source>%Ln follow-up(s) shown; the case listed longest ago was last refreshed %1.</source>
        <translation>
            <numerusform>%Ln follow-up shown; the case listed longest ago was last refreshed %1.</numerusform>
            <numerusform>%Ln follow-ups shown; the case listed longest ago was last refreshed %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::MainWindow</name>
    <message numerus="yes">
        <source>%Ln pending change(s)</source>
        <translation>
            <numerusform>%Ln pending change</numerusform>
            <numerusform>%Ln pending changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have %Ln unsent change(s) on case %1.</source>
        <translation>
            <numerusform>You have %Ln unsent change on case %1.</numerusform>
            <numerusform>You have %Ln unsent changes on case %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %Ln unsent change(s) from %1. Send them with Ctrl+Return, or discard them.</source>
        <translation>
            <numerusform>Restored %Ln unsent change from %1. Send it with Ctrl+Return, or discard it.</numerusform>
            <numerusform>Restored %Ln unsent changes from %1. Send them with Ctrl+Return, or discard them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Case %1 on %2: %Ln active escalation(s)</source>
        <translation>
            <numerusform>Case %1 on %2: %Ln active escalation</numerusform>
            <numerusform>Case %1 on %2: %Ln active escalations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln change(s) saved at %1</source>
        <translation>
            <numerusform>%Ln change saved at %1</numerusform>
            <numerusform>%Ln changes saved at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln person(s); assignees now show by name.</source>
        <translation>
            <numerusform>Imported %Ln person; assignees now show by name.</numerusform>
            <numerusform>Imported %Ln people; assignees now show by name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln follow-up date(s) you are sending lie in the past. Send anyway?</source>
        <translation>
            <numerusform>%Ln follow-up date you are sending lies in the past. Send anyway?</numerusform>
            <numerusform>%Ln follow-up dates you are sending lie in the past. Send anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) selected</source>
        <translation>
            <numerusform>%Ln row selected</numerusform>
            <numerusform>%Ln rows selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::OutcomePresenter</name>
    <message numerus="yes">
        <source>%Ln change(s) saved to Care360.</source>
        <translation>
            <numerusform>%Ln change saved to Care360.</numerusform>
            <numerusform>%Ln changes saved to Care360.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Someone else changed %Ln field(s) you are editing on Care360; each is marked Conflict. Keep yours or take theirs before sending.</source>
        <translation>
            <numerusform>Someone else changed %Ln field you are editing on Care360; it is marked Conflict. Keep yours or take theirs before sending.</numerusform>
            <numerusform>Someone else changed %Ln fields you are editing on Care360; each is marked Conflict. Keep yours or take theirs before sending.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::RefreshAllBar</name>
    <message numerus="yes">
        <source>Lists every case again, at most %Ln a minute, so that Care360 is not flooded.</source>
        <translation>
            <numerusform>Lists every case again, at most %Ln a minute, so that Care360 is not flooded.</numerusform>
            <numerusform>Lists every case again, at most %Ln a minute, so that Care360 is not flooded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::SendConfirmationDialog</name>
    <message numerus="yes">
        <source>These changes to case %1 of %2 will be saved on the live Care360 system (%Ln escalation(s)):</source>
        <translation>
            <numerusform>These changes to case %1 of %2 will be saved on the live Care360 system (%Ln escalation):</numerusform>
            <numerusform>These changes to case %1 of %2 will be saved on the live Care360 system (%Ln escalations):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::UnsentWorkList</name>
    <message numerus="yes">
        <source>Case %1 on %2: %Ln escalation(s) with unsent changes, last changed %3</source>
        <translation>
            <numerusform>Case %1 on %2: %Ln escalation with unsent changes, last changed %3</numerusform>
            <numerusform>Case %1 on %2: %Ln escalations with unsent changes, last changed %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PracticeSandbox</name>
    <message numerus="yes">
        <source>%1 demo case, %Ln active escalation(s)</source>
        <translation>
            <numerusform>%1 demo case, %Ln active escalation</numerusform>
            <numerusform>%1 demo case, %Ln active escalations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileStore</name>
    <message numerus="yes">
        <source>The name is too long: at most %Ln characters.</source>
        <translation>
            <numerusform>The name is too long: at most %Ln character.</numerusform>
            <numerusform>The name is too long: at most %Ln characters.</numerusform>
        </translation>
    </message>
</context>
</TS>
