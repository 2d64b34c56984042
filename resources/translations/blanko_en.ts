<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AcceptFindingDialog</name>
    <message numerus="yes">
        <source>and %n more finding(s)</source>
        <translation>
            <numerusform>and %n more finding</numerusform>
            <numerusform>and %n more findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApprovalTab</name>
    <message numerus="yes">
        <source>%1, %n copies</source>
        <translation>
            <numerusform>%1, %n copies</numerusform>
            <numerusform>%1, %n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of request #%2 printed on %3 (%n copies).</source>
        <translation>
            <numerusform>%1 of request #%2 printed on %3 (%n copies).</numerusform>
            <numerusform>%1 of request #%2 printed on %3 (%n copies).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blank(s) issued to request #%1: %2.</source>
        <translation>
            <numerusform>%n blank issued to request #%1: %2.</numerusform>
            <numerusform>%n blanks issued to request #%1: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) of the signed sheet kept with request #%1.</source>
        <translation>
            <numerusform>%n scan of the signed sheet kept with request #%1.</numerusform>
            <numerusform>%n scans of the signed sheet kept with request #%1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountDialog</name>
    <message numerus="yes">
        <source>Sent to %1 (%n page(s)).</source>
        <translation>
            <numerusform>Sent to %1 (%n page).</numerusform>
            <numerusform>Sent to %1 (%n pages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentInfo</name>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF, %n page</numerusform>
            <numerusform>PDF, %n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message numerus="yes">
        <source>%n participant row(s) read; rows with an open error are shown in red.</source>
        <translation>
            <numerusform>%n participant row read; rows with an open error are shown in red.</numerusform>
            <numerusform>%n participant rows read; rows with an open error are shown in red.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open error(s)</source>
        <translation>
            <numerusform>%n open error</numerusform>
            <numerusform>%n open errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow(s) from another</source>
        <translation>
            <numerusform>%n follow from another</numerusform>
            <numerusform>%n follows from another</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No findings in the files received; %n point(s) still open with the LSP.</source>
        <translation>
            <numerusform>No findings in the files received; %n point still open with the LSP.</numerusform>
            <numerusform>No findings in the files received; %n points still open with the LSP.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>History</name>
    <message numerus="yes">
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n sheet</numerusform>
            <numerusform>%n sheets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message numerus="yes">
        <source>Request #%1: %n file(s) stored.</source>
        <translation>
            <numerusform>Request #%1: %n file stored.</numerusform>
            <numerusform>Request #%1: %n files stored.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) had been received before.</source>
        <translation>
            <numerusform>%n file had been received before.</numerusform>
            <numerusform>%n files had been received before.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message numerus="yes">
        <source>Loose files (not an e-mail): %n file(s)</source>
        <translation>
            <numerusform>Loose files (not an e-mail): %n file</numerusform>
            <numerusform>Loose files (not an e-mail): %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LspRegistryDialog</name>
    <message numerus="yes">
        <source>%n LSP(s)</source>
        <translation>
            <numerusform>%n LSP</numerusform>
            <numerusform>%n LSPs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not imported (%n):</source>
        <translation>
            <numerusform>Not imported (%n):</numerusform>
            <numerusform>Not imported (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: see the details.</source>
        <translation>
            <numerusform>… and %n more: see the details.</numerusform>
            <numerusform>… and %n more: see the details.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RangesEntry</name>
    <message numerus="yes">
        <source>%n range(s)</source>
        <translation>
            <numerusform>%n range</numerusform>
            <numerusform>%n ranges</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockLabels</name>
    <message numerus="yes">
        <source>%Ln sheet(s)</source>
        <translation>
            <numerusform>%Ln sheet</numerusform>
            <numerusform>%Ln sheets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message numerus="yes">
        <source>… and %n more range(s)</source>
        <translation>
            <numerusform>… and %n more range</numerusform>
            <numerusform>… and %n more ranges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Order blanks from the printer now (the warning starts below %n week(s)).</source>
        <translation>
            <numerusform>Order blanks from the printer now (the warning starts below %n week).</numerusform>
            <numerusform>Order blanks from the printer now (the warning starts below %n weeks).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n line(s) shown</source>
        <translation>
            <numerusform>%1 of %n line shown</numerusform>
            <numerusform>%1 of %n lines shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) in the ledger.</source>
        <translation>
            <numerusform>%n line in the ledger.</numerusform>
            <numerusform>%n lines in the ledger.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerificationTab</name>
    <message numerus="yes">
        <source>Incomplete: %n point(s) to settle with the LSP.</source>
        <translation>
            <numerusform>Incomplete: %n point to settle with the LSP.</numerusform>
            <numerusform>Incomplete: %n points to settle with the LSP.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>And %n task(s) of yours.</source>
        <translation>
            <numerusform>And %n task of yours.</numerusform>
            <numerusform>And %n tasks of yours.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your turn: %n task(s) before the request can go on.</source>
        <translation>
            <numerusform>Your turn: %n task before the request can go on.</numerusform>
            <numerusform>Your turn: %n tasks before the request can go on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
