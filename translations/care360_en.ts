<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Care360::ApiJob</name>
    <message numerus="yes">
        <source>no complete answer within %n second(s)</source>
        <translation>
            <numerusform>no complete answer within %n second</numerusform>
            <numerusform>no complete answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::ApiOutcome</name>
    <message numerus="yes">
        <source>Care360 asks to slow down (%1); try again in %n second(s).</source>
        <translation>
            <numerusform>Care360 asks to slow down (%1); try again in %n second.</numerusform>
            <numerusform>Care360 asks to slow down (%1); try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes saved; the case has %n active escalation(s).</source>
        <translation>
            <numerusform>Changes saved; the case has %n active escalation.</numerusform>
            <numerusform>Changes saved; the case has %n active escalations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active escalation(s) loaded.</source>
        <translation>
            <numerusform>%n active escalation loaded.</numerusform>
            <numerusform>%n active escalations loaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n escalation(s) are no longer active (completed or removed elsewhere); the list has been refreshed and your other changes are kept.</source>
        <translation>
            <numerusform>%n escalation is no longer active (completed or removed elsewhere); the list has been refreshed and your other changes are kept.</numerusform>
            <numerusform>%n escalations are no longer active (completed or removed elsewhere); the list has been refreshed and your other changes are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Care360 asks to slow down (%1); try again in %n second(s). Your changes are kept.</source>
        <translation>
            <numerusform>Care360 asks to slow down (%1); try again in %n second. Your changes are kept.</numerusform>
            <numerusform>Care360 asks to slow down (%1); try again in %n seconds. Your changes are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Someone else changed %n field(s) you edited on Care360 since you began; each is marked Conflict. Keep yours or take theirs, then send again. Nothing was sent.</source>
        <translation>
            <numerusform>Someone else changed %n field you edited on Care360 since you began; it is marked Conflict. Keep yours or take theirs, then send again. Nothing was sent.</numerusform>
            <numerusform>Someone else changed %n fields you edited on Care360 since you began; each is marked Conflict. Keep yours or take theirs, then send again. Nothing was sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n escalation(s) are no longer active (completed or removed elsewhere); the list has been refreshed.</source>
        <translation>
            <numerusform>%n escalation is no longer active (completed or removed elsewhere); the list has been refreshed.</numerusform>
            <numerusform>%n escalations are no longer active (completed or removed elsewhere); the list has been refreshed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::BulkEditDialog</name>
    <message numerus="yes">
        <source>&amp;Assign %n selected escalation(s) to:</source>
        <translation>
            <numerusform>&amp;Assign %n selected escalation to:</numerusform>
            <numerusform>&amp;Assign %n selected escalations to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Follow up %n selected escalation(s) on:</source>
        <translation>
            <numerusform>&amp;Follow up %n selected escalation on:</numerusform>
            <numerusform>&amp;Follow up %n selected escalations on:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Add this line to the notes of %n selected escalation(s):</source>
        <translation>
            <numerusform>&amp;Add this line to the notes of %n selected escalation:</numerusform>
            <numerusform>&amp;Add this line to the notes of %n selected escalations:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::CaseWorkspace</name>
    <message numerus="yes">
        <source>Set the assignee of %n escalation(s)</source>
        <translation>
            <numerusform>Set the assignee of %n escalation</numerusform>
            <numerusform>Set the assignee of %n escalations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set the follow-up of %n escalation(s)</source>
        <translation>
            <numerusform>Set the follow-up of %n escalation</numerusform>
            <numerusform>Set the follow-up of %n escalations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add a line to %n note(s)</source>
        <translation>
            <numerusform>Add a line to %n note</numerusform>
            <numerusform>Add a line to %n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::EscalationPresenter</name>
    <message numerus="yes">
        <source>Due within %n hour(s)</source>
        <translation>
            <numerusform>Due within %n hour</numerusform>
            <numerusform>Due within %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpRefresher</name>
    <message numerus="yes">
        <source>Refresh stopped: %1 of %n case(s) listed.</source>
        <translation>
            <numerusform>Refresh stopped: %1 of %n case listed.</numerusform>
            <numerusform>Refresh stopped: %1 of %n cases listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Refreshed %1 of %n case(s).</source>
        <translation>
            <numerusform>Refreshed %1 of %n case.</numerusform>
            <numerusform>Refreshed %1 of %n cases.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpsModel</name>
    <message numerus="yes">
        <source>%1, %n follow-up(s)</source>
        <translation>
            <numerusform>%1, %n follow-up</numerusform>
            <numerusform>%1, %n follow-ups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::FollowUpsWindow</name>
    <message numerus="yes">
        <source>%n follow-up(s) shown; the case listed longest ago was last refreshed %1.</source>
        <translation>
            <numerusform>%n follow-up shown; the case listed longest ago was last refreshed %1.</numerusform>
            <numerusform>%n follow-ups shown; the case listed longest ago was last refreshed %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::MainWindow</name>
    <message numerus="yes">
        <source>%n pending change(s)</source>
        <translation>
            <numerusform>%n pending change</numerusform>
            <numerusform>%n pending changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have %n unsent change(s) on case %1.</source>
        <translation>
            <numerusform>You have %n unsent change on case %1.</numerusform>
            <numerusform>You have %n unsent changes on case %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n unsent change(s) from %1. Send them with Ctrl+Return, or discard them.</source>
        <translation>
            <numerusform>Restored %n unsent change from %1. Send it with Ctrl+Return, or discard it.</numerusform>
            <numerusform>Restored %n unsent changes from %1. Send them with Ctrl+Return, or discard them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Case %1 on %2: %n active escalation(s)</source>
        <translation>
            <numerusform>Case %1 on %2: %n active escalation</numerusform>
            <numerusform>Case %1 on %2: %n active escalations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) saved at %1</source>
        <translation>
            <numerusform>%n change saved at %1</numerusform>
            <numerusform>%n changes saved at %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n person(s); assignees now show by name.</source>
        <translation>
            <numerusform>Imported %n person; assignees now show by name.</numerusform>
            <numerusform>Imported %n people; assignees now show by name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow-up date(s) you are sending lie in the past. Send anyway?</source>
        <translation>
            <numerusform>%n follow-up date you are sending lies in the past. Send anyway?</numerusform>
            <numerusform>%n follow-up dates you are sending lie in the past. Send anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) selected</source>
        <translation>
            <numerusform>%n row selected</numerusform>
            <numerusform>%n rows selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::OutcomePresenter</name>
    <message numerus="yes">
        <source>%n change(s) saved to Care360.</source>
        <translation>
            <numerusform>%n change saved to Care360.</numerusform>
            <numerusform>%n changes saved to Care360.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Someone else changed %n field(s) you are editing on Care360; each is marked Conflict. Keep yours or take theirs before sending.</source>
        <translation>
            <numerusform>Someone else changed %n field you are editing on Care360; it is marked Conflict. Keep yours or take theirs before sending.</numerusform>
            <numerusform>Someone else changed %n fields you are editing on Care360; each is marked Conflict. Keep yours or take theirs before sending.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::RefreshAllBar</name>
    <message numerus="yes">
        <source>Lists every case again, at most %n a minute, so that Care360 is not flooded.</source>
        <translation>
            <numerusform>Lists every case again, at most %n a minute, so that Care360 is not flooded.</numerusform>
            <numerusform>Lists every case again, at most %n a minute, so that Care360 is not flooded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::SendConfirmationDialog</name>
    <message numerus="yes">
        <source>These changes to case %1 will be saved on the live Care360 system (%n escalation(s)):</source>
        <translation>
            <numerusform>These changes to case %1 will be saved on the live Care360 system (%n escalation):</numerusform>
            <numerusform>These changes to case %1 will be saved on the live Care360 system (%n escalations):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Care360::UnsentWorkList</name>
    <message numerus="yes">
        <source>Case %1 on %2: %n escalation(s) with unsent changes, last changed %3</source>
        <translation>
            <numerusform>Case %1 on %2: %n escalation with unsent changes, last changed %3</numerusform>
            <numerusform>Case %1 on %2: %n escalations with unsent changes, last changed %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PracticeSandbox</name>
    <message numerus="yes">
        <source>%1 demo case, %n active escalation(s)</source>
        <translation>
            <numerusform>%1 demo case, %n active escalation</numerusform>
            <numerusform>%1 demo case, %n active escalations</numerusform>
        </translation>
    </message>
</context>
</TS>
