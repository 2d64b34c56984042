<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AcceptFindingDialog</name>
    <message>
        <source>Accept finding</source>
        <translation>Terima temuan</translation>
    </message>
    <message numerus="yes">
        <source>and %n more finding(s)</source>
        <translation>
            <numerusform>dan %n temuan lain</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Why is it acceptable? (kept in the history)</source>
        <translation>&amp;Mengapa dapat diterima? (dicatat dalam riwayat)</translation>
    </message>
    <message>
        <source>e.g. NIK confirmed by the LSP by phone</source>
        <translation>mis. NIK sudah dikonfirmasi LSP lewat telepon</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Terima</translation>
    </message>
    <message>
        <source>Accepting a duplicate row counts that participant once: row %1 is left out of the counts, and the comparisons with the letter, the minutes and the decision follow.</source>
        <translation>Menerima baris ganda berarti peserta itu dihitung sekali: baris %1 tidak ikut dihitung, dan perbandingan dengan surat, berita acara dan keputusan mengikutinya.</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Approval — request #%1</source>
        <translation>Persetujuan — permohonan #%1</translation>
    </message>
    <message>
        <source>Request #%1 — %2</source>
        <translation>Permohonan #%1 — %2</translation>
    </message>
    <message>
        <source>Letter %1</source>
        <translation>Surat %1</translation>
    </message>
    <message>
        <source>competent: %1</source>
        <translation>kompeten: %1</translation>
    </message>
    <message>
        <source>asked for: %1</source>
        <translation>diminta: %1</translation>
    </message>
    <message>
        <source>Open Settings › Signatories…</source>
        <translation>Buka Pengaturan › Pejabat penandatangan…</translation>
    </message>
    <message>
        <source>Required when the number differs from the competent count</source>
        <translation>Wajib bila jumlahnya berbeda dari jumlah kompeten</translation>
    </message>
    <message>
        <source>Print the approval sheet afterwards</source>
        <translation>Cetak lembar persetujuan sesudahnya</translation>
    </message>
    <message>
        <source>&amp;Signed by:</source>
        <translation>&amp;Ditandatangani oleh:</translation>
    </message>
    <message>
        <source>&amp;Blanks approved:</source>
        <translation>&amp;Blanko disetujui:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Print proposal…</source>
        <translation>Cetak usulan…</translation>
    </message>
    <message>
        <source>Print the sheet for the official to sign before the approval is recorded.</source>
        <translation>Cetak lembar untuk ditandatangani pejabat sebelum persetujuan dicatat.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Setujui</translation>
    </message>
    <message>
        <source>No echelon-4 official is set up to sign. Add the officials (name, NIP, title) in Settings › Signatories.</source>
        <translation>Belum ada pejabat eselon IV yang dapat menandatangani. Tambahkan pejabat (nama, NIP, jabatan) di Pengaturan › Pejabat penandatangan.</translation>
    </message>
    <message>
        <source>The number of competent participants is not known.</source>
        <translation>Jumlah peserta kompeten belum diketahui.</translation>
    </message>
    <message>
        <source>More than the %1 competent participants: one blank per competent participant.</source>
        <translation>Melebihi %1 peserta kompeten: satu blanko untuk satu peserta kompeten.</translation>
    </message>
    <message>
        <source>Differs from the %1 competent participants: give the reason.</source>
        <translation>Berbeda dari %1 peserta kompeten: isi alasannya.</translation>
    </message>
    <message>
        <source>Equal to the competent participants.</source>
        <translation>Sama dengan jumlah peserta kompeten.</translation>
    </message>
    <message>
        <source>Preparing the approval sheet…</source>
        <translation>Menyiapkan lembar persetujuan…</translation>
    </message>
    <message>
        <source>The approval sheet could not be prepared: %1</source>
        <translation>Lembar persetujuan tidak dapat disiapkan: %1</translation>
    </message>
</context>
<context>
    <name>ApprovalQueue</name>
    <message>
        <source>Overdue: the working day for this request has passed.</source>
        <translation>Terlambat: satu hari kerja untuk permohonan ini sudah lewat.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>LSP</source>
        <translation>LSP</translation>
    </message>
    <message>
        <source>Competent</source>
        <translation>Kompeten</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>(unknown sender)</source>
        <translation>(pengirim tidak dikenal)</translation>
    </message>
    <message>
        <source>Blanks</source>
        <translation>Blanko</translation>
    </message>
    <message>
        <source>Approval
sheet</source>
        <translation>Lembar
persetujuan</translation>
    </message>
    <message>
        <source>Signed
scan</source>
        <translation>Pindaian
ber-ttd</translation>
    </message>
    <message>
        <source>The blanks are issued from the stock</source>
        <translation>Blanko sudah dikeluarkan dari stok</translation>
    </message>
    <message>
        <source>No blanks issued yet</source>
        <translation>Blanko belum dikeluarkan</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Tanda
terima</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Blanks
issued</source>
        <translation>Blanko
keluar</translation>
    </message>
    <message>
        <source>%1: printed or saved</source>
        <translation>%1: sudah dicetak atau disimpan</translation>
    </message>
    <message>
        <source>%1: not printed yet</source>
        <translation>%1: belum dicetak</translation>
    </message>
    <message>
        <source>The signed approval sheet is attached</source>
        <translation>Pindaian lembar persetujuan bertanda tangan sudah dilampirkan</translation>
    </message>
    <message>
        <source>No scan of the signed approval sheet yet</source>
        <translation>Belum ada pindaian lembar persetujuan bertanda tangan</translation>
    </message>
</context>
<context>
    <name>ApprovalTab</name>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Setujui…</translation>
    </message>
    <message>
        <source>Cancel approval…</source>
        <translation>Batalkan persetujuan…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Dilampirkan</translation>
    </message>
    <message>
        <source>Drag the scan of the signed approval sheet here, or</source>
        <translation>Seret pindaian lembar persetujuan yang sudah ditandatangani ke sini, atau</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Signed approval sheet</source>
        <translation>Lembar bertanda tangan</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulir</translation>
    </message>
    <message>
        <source>&amp;Reprint…</source>
        <translation>Cetak &amp;ulang…</translation>
    </message>
    <message>
        <source>&amp;Issue blanks…</source>
        <translation>&amp;Keluarkan blanko…</translation>
    </message>
    <message>
        <source>Print the very same PDF again (the reprint is logged too).</source>
        <translation>Cetak lagi PDF yang sama persis (cetak ulang juga dicatat).</translation>
    </message>
    <message>
        <source>Forms printed</source>
        <translation>Formulir tercetak</translation>
    </message>
    <message>
        <source>Choose a request on the left: verified requests wait for the echelon-4 official&apos;s approval; approved ones for their forms.</source>
        <translation>Pilih permohonan di sebelah kiri: permohonan terverifikasi menunggu persetujuan pejabat eselon IV; yang sudah disetujui menunggu formulirnya.</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Tanda terima</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <source>Preview, choose the printer and the copies (Ctrl+P).</source>
        <translation>Pratinjau, pilih printer dan jumlah salinan (Ctrl+P).</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>Buka di penampil PDF</translation>
    </message>
    <message>
        <source>(%1 of %2 shown)</source>
        <translation>(%1 dari %2 ditampilkan)</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Menunggu persetujuan</translation>
    </message>
    <message>
        <source>Approved — forms to print</source>
        <translation>Disetujui — formulir dicetak</translation>
    </message>
    <message>
        <source>The form of the selected request is shown here.</source>
        <translation>Formulir permohonan yang dipilih tampil di sini.</translation>
    </message>
    <message>
        <source>Request #%1 — %2</source>
        <translation>Permohonan #%1 — %2</translation>
    </message>
    <message>
        <source>(unknown sender)</source>
        <translation>(pengirim tidak dikenal)</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>batas waktu %1</translation>
    </message>
    <message>
        <source>letter %1</source>
        <translation>surat %1</translation>
    </message>
    <message>
        <source>Approved: %1 blank(s) by %2 on %3.</source>
        <translation>Disetujui: %1 lembar blanko oleh %2 pada %3.</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Alasan: %1</translation>
    </message>
    <message>
        <source>Verified, waiting for the approval. Competent participants: %1.</source>
        <translation>Terverifikasi, menunggu persetujuan. Peserta kompeten: %1.</translation>
    </message>
    <message>
        <source>No echelon-4 official is set up to sign yet (Settings › Signatories).</source>
        <translation>Belum ada pejabat eselon IV penandatangan (Pengaturan › Pejabat penandatangan).</translation>
    </message>
    <message>
        <source>This request is %1.</source>
        <translation>Permohonan ini berstatus %1.</translation>
    </message>
    <message>
        <source>Blanks issued: %1.</source>
        <translation>Blanko dikeluarkan: %1.</translation>
    </message>
    <message>
        <source>No blanks issued yet: Issue blanks… takes them from the stock.</source>
        <translation>Blanko belum dikeluarkan: Keluarkan blanko… mengambilnya dari stok.</translation>
    </message>
    <message>
        <source>No blanks issued.</source>
        <translation>Tidak ada blanko yang dikeluarkan.</translation>
    </message>
    <message>
        <source>%1 — added by %2</source>
        <translation>%1 — dilampirkan oleh %2</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Disimpan: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n copies</source>
        <translation>
            <numerusform>%1, %n salinan</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing printed yet.</source>
        <translation>Belum ada yang dicetak.</translation>
    </message>
    <message>
        <source>Choose the signing official and the number of blanks, preview the sheet, record the approval.</source>
        <translation>Pilih pejabat penandatangan dan jumlah blanko, lihat pratinjau lembarnya, catat persetujuannya.</translation>
    </message>
    <message>
        <source>Only a verified request can be approved.</source>
        <translation>Hanya permohonan terverifikasi yang dapat disetujui.</translation>
    </message>
    <message>
        <source>Take the approval back (with a reason) before the blanks are packed.</source>
        <translation>Batalkan persetujuan (dengan alasan) sebelum blanko dikemas.</translation>
    </message>
    <message>
        <source>Only an approval not yet packed can be taken back.</source>
        <translation>Hanya persetujuan yang blankonya belum dikemas yang dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Take exactly the approved number of blanks from the stock for this request.</source>
        <translation>Ambil blanko dari stok tepat sejumlah yang disetujui untuk permohonan ini.</translation>
    </message>
    <message>
        <source>Blanks are issued once, to an approved request that has none yet.</source>
        <translation>Blanko dikeluarkan sekali, untuk permohonan yang sudah disetujui dan belum menerima blanko.</translation>
    </message>
    <message>
        <source>The signed sheet can be attached once the approval is recorded.</source>
        <translation>Lembar bertanda tangan dapat dilampirkan setelah persetujuan dicatat.</translation>
    </message>
    <message>
        <source>Preparing the %1…</source>
        <translation>Menyiapkan %1…</translation>
    </message>
    <message>
        <source>The form could not be prepared: %1</source>
        <translation>Formulir tidak dapat disiapkan: %1</translation>
    </message>
    <message>
        <source>%1 of request #%2 saved as %3.</source>
        <translation>%1 permohonan #%2 disimpan sebagai %3.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of request #%2 printed on %3 (%n copies).</source>
        <translation>
            <numerusform>%1 permohonan #%2 dicetak ke %3 (%n salinan).</numerusform>
        </translation>
    </message>
    <message>
        <source>Request #%1 is approved: print its approval sheet and receipt.</source>
        <translation>Permohonan #%1 disetujui: cetak lembar persetujuan dan tanda terimanya.</translation>
    </message>
    <message numerus="yes">
        <source>%n blank(s) issued to request #%1: %2.</source>
        <translation>
            <numerusform>%n lembar blanko dikeluarkan untuk permohonan #%1: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel the approval</source>
        <translation>Batalkan persetujuan</translation>
    </message>
    <message>
        <source>Take back the approval of request #%1? It goes back to the approval queue; the printed forms stay in the log.</source>
        <translation>Batalkan persetujuan permohonan #%1? Permohonan kembali ke antrean persetujuan; formulir yang sudah dicetak tetap tercatat.</translation>
    </message>
    <message>
        <source>The approval of request #%1 was cancelled.</source>
        <translation>Persetujuan permohonan #%1 dibatalkan.</translation>
    </message>
    <message>
        <source>Scan of the signed approval sheet</source>
        <translation>Pindaian lembar persetujuan bertanda tangan</translation>
    </message>
    <message>
        <source>PDF or image (%1)</source>
        <translation>PDF atau gambar (%1)</translation>
    </message>
    <message>
        <source>Nothing to attach</source>
        <translation>Tidak ada yang dilampirkan</translation>
    </message>
    <message>
        <source>A folder cannot be attached: drag the scanned file itself (PDF or image).</source>
        <translation>Folder tidak dapat dilampirkan: seret berkas pindaiannya sendiri (PDF atau gambar).</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) of the signed sheet kept with request #%1.</source>
        <translation>
            <numerusform>%n pindaian lembar bertanda tangan disimpan bersama permohonan #%1.</numerusform>
        </translation>
    </message>
    <message>
        <source>No program could open %1. The copy is at %2.</source>
        <translation>Tidak ada program yang dapat membuka %1. Salinannya ada di %2.</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <source>Recorded</source>
        <translation>Dicatat</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <source>State changed</source>
        <translation>Status diubah</translation>
    </message>
    <message>
        <source>Document added</source>
        <translation>Dokumen ditambahkan</translation>
    </message>
    <message>
        <source>Due time computed again</source>
        <translation>Tenggat dihitung ulang</translation>
    </message>
    <message>
        <source>Document kind changed</source>
        <translation>Jenis dokumen diubah</translation>
    </message>
    <message>
        <source>Check finding accepted</source>
        <translation>Temuan pemeriksaan diterima</translation>
    </message>
    <message>
        <source>Check finding reopened</source>
        <translation>Temuan pemeriksaan dibuka kembali</translation>
    </message>
    <message>
        <source>Completion request written</source>
        <translation>Permintaan kelengkapan ditulis</translation>
    </message>
    <message>
        <source>Demo data filled in</source>
        <translation>Data contoh diisikan</translation>
    </message>
    <message>
        <source>Holiday entered</source>
        <translation>Hari libur dicatat</translation>
    </message>
    <message>
        <source>Holiday removed</source>
        <translation>Hari libur dihapus</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Pengaturan diubah</translation>
    </message>
    <message>
        <source>LSP registered</source>
        <translation>LSP didaftarkan</translation>
    </message>
    <message>
        <source>LSP edited</source>
        <translation>LSP diubah</translation>
    </message>
    <message>
        <source>Signatory added</source>
        <translation>Pejabat penandatangan ditambahkan</translation>
    </message>
    <message>
        <source>Signatory edited</source>
        <translation>Pejabat penandatangan diubah</translation>
    </message>
    <message>
        <source>Approval recorded</source>
        <translation>Persetujuan dicatat</translation>
    </message>
    <message>
        <source>Approval withdrawn</source>
        <translation>Persetujuan dibatalkan</translation>
    </message>
    <message>
        <source>Scan of the approval sheet attached</source>
        <translation>Pindaian lembar persetujuan dilampirkan</translation>
    </message>
    <message>
        <source>Form printed</source>
        <translation>Formulir dicetak</translation>
    </message>
    <message>
        <source>Blanks received from the printer</source>
        <translation>Blanko diterima dari percetakan</translation>
    </message>
    <message>
        <source>Blanks issued</source>
        <translation>Blanko dikeluarkan</translation>
    </message>
    <message>
        <source>Blanks spoiled in the office recorded</source>
        <translation>Blanko rusak di kantor dicatat</translation>
    </message>
    <message>
        <source>Damaged blanks returned by the LSP</source>
        <translation>Blanko rusak dikembalikan LSP</translation>
    </message>
    <message>
        <source>Stock movement reversed</source>
        <translation>Mutasi stok dibatalkan (jurnal balik)</translation>
    </message>
    <message>
        <source>Issue of blanks cancelled</source>
        <translation>Pengeluaran blanko dibatalkan</translation>
    </message>
    <message>
        <source>Stock count recorded</source>
        <translation>Stock opname dicatat</translation>
    </message>
    <message>
        <source>Stock count difference settled</source>
        <translation>Selisih stock opname diselesaikan</translation>
    </message>
    <message>
        <source>Stock ledger line recorded</source>
        <translation>Baris buku stok dicatat</translation>
    </message>
</context>
<context>
    <name>CancelApprovalDialog</name>
    <message>
        <source>Cancel the approval — request #%1</source>
        <translation>Batalkan persetujuan — permohonan #%1</translation>
    </message>
    <message>
        <source>The approval of %1 blank(s) by %2 is taken back (it stays in the history) and the request goes back to the approval queue.</source>
        <translation>Persetujuan %1 lembar blanko oleh %2 dibatalkan (tetap tercatat di riwayat) dan permohonan kembali ke antrean persetujuan.</translation>
    </message>
    <message>
        <source>Reason (required), e.g. the official asked for another number</source>
        <translation>Alasan (wajib), misalnya pejabat meminta jumlah lain</translation>
    </message>
    <message>
        <source>Cancel the approval</source>
        <translation>Batalkan persetujuan</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Jangan batalkan</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel request #%1</source>
        <translation>Batalkan permohonan #%1</translation>
    </message>
    <message>
        <source>Cancelling is final: the request leaves the procedure for good. Give the reason (it is kept in the history).</source>
        <translation>Pembatalan bersifat final: permohonan keluar dari prosedur untuk selamanya. Tuliskan alasannya (disimpan dalam riwayat).</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Cancel the request</source>
        <translation>Batalkan permohonan</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Jangan dibatalkan</translation>
    </message>
</context>
<context>
    <name>Checklist</name>
    <message>
        <source>in order</source>
        <translation>sesuai</translation>
    </message>
    <message>
        <source>not received</source>
        <translation>belum diterima</translation>
    </message>
    <message>
        <source>has problems</source>
        <translation>bermasalah</translation>
    </message>
</context>
<context>
    <name>ClosureKind</name>
    <message>
        <source>Collective leave (cuti bersama)</source>
        <translation>Cuti bersama</translation>
    </message>
    <message>
        <source>Office closed</source>
        <translation>Kantor tutup</translation>
    </message>
</context>
<context>
    <name>CompletionDialog</name>
    <message>
        <source>Completion request for request #%1</source>
        <translation>Permintaan kelengkapan untuk permohonan #%1</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Kepada:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Perihal:</translation>
    </message>
    <message>
        <source>&amp;Open in the mail program</source>
        <translation>&amp;Buka di program e-mail</translation>
    </message>
    <message>
        <source>&amp;Copy the text</source>
        <translation>&amp;Salin teksnya</translation>
    </message>
    <message>
        <source>This e-mail tells the LSP exactly what is missing or wrong. It is saved as a draft. Opened in your mail program, the request then waits for the LSP and its one-working-day clock stops. If you copy the text instead (web mail), the request stays in the queue until you confirm the e-mail has been sent.</source>
        <translation>E-mail ini memberi tahu LSP apa tepatnya yang kurang atau salah. E-mail disimpan sebagai draf. Bila dibuka di program e-mail, permohonan lalu menunggu LSP dan batas waktu satu hari kerjanya berhenti. Bila teksnya disalin (e-mail di peramban), permohonan tetap di antrean sampai Anda menyatakan e-mailnya sudah dikirim.</translation>
    </message>
    <message>
        <source>For mail in a web browser: the draft is saved and its text copied; paste it into a new e-mail, send it, then click “It has been sent”.</source>
        <translation>Untuk e-mail di peramban: draf disimpan dan teksnya disalin; tempelkan ke e-mail baru, kirim, lalu klik “Sudah dikirim”.</translation>
    </message>
</context>
<context>
    <name>CountDialog</name>
    <message>
        <source>Stock count (stock opname)</source>
        <translation>Stock opname</translation>
    </message>
    <message>
        <source>Ranges &amp;found (the differences are recorded serial by serial)</source>
        <translation>&amp;Rentang yang ditemukan (selisih dicatat per nomor seri)</translation>
    </message>
    <message>
        <source>&amp;Total only</source>
        <translation>&amp;Jumlah saja</translation>
    </message>
    <message>
        <source>Sheets &amp;counted:</source>
        <translation>Lembar &amp;dihitung:</translation>
    </message>
    <message>
        <source>e.g. counted by Budi and Sari, store room 2</source>
        <translation>mis. dihitung oleh Budi dan Sari, gudang 2</translation>
    </message>
    <message>
        <source>On the books now: %1</source>
        <translation>Menurut buku saat ini: %1</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Catatan:</translation>
    </message>
    <message>
        <source>&amp;Compare with the books</source>
        <translation>&amp;Bandingkan dengan buku</translation>
    </message>
    <message>
        <source>What happened to the sheets that differ (at least 10 letters); kept with the adjustment lines.</source>
        <translation>Apa yang terjadi dengan lembar yang selisih (minimal 10 huruf); disimpan bersama catatan penyesuaian.</translation>
    </message>
    <message>
        <source>&amp;Settle the difference</source>
        <translation>&amp;Selesaikan selisih</translation>
    </message>
    <message>
        <source>Settle</source>
        <translation>Penyelesaian selisih</translation>
    </message>
    <message>
        <source>&amp;Print the report</source>
        <translation>Ce&amp;tak berita acara</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Simpan sebagai P&amp;DF…</translation>
    </message>
    <message>
        <source>Berita acara stock opname</source>
        <translation>Berita acara stock opname</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <source>Differences by serial:</source>
        <translation>Selisih per nomor seri:</translation>
    </message>
    <message>
        <source>Stock count #%1</source>
        <translation>Stock opname #%1</translation>
    </message>
    <message>
        <source>Stock count #%1 of %2: on the books %3, counted %4, difference %5.</source>
        <translation>Stock opname #%1 tanggal %2: buku %3, dihitung %4, selisih %5.</translation>
    </message>
    <message>
        <source>Settled by %1 on %2.</source>
        <translation>Diselesaikan oleh %1 pada %2.</translation>
    </message>
    <message>
        <source>The stock agrees with the books.</source>
        <translation>Stok sesuai dengan buku.</translation>
    </message>
    <message>
        <source>Only the total was counted: count again with the ranges found, so the difference can be recorded serial by serial.</source>
        <translation>Hanya jumlah yang dihitung: hitung ulang dengan rentang yang ditemukan agar selisihnya dapat dicatat per nomor seri.</translation>
    </message>
    <message>
        <source>missing (not found): %1 (%2)</source>
        <translation>kurang (tidak ditemukan): %1 (%2)</translation>
    </message>
    <message>
        <source>surplus (found, not on the books): %1 (%2)</source>
        <translation>lebih (ditemukan, tidak ada di buku): %1 (%2)</translation>
    </message>
    <message>
        <source>No difference by serial.</source>
        <translation>Tidak ada selisih per nomor seri.</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (tidak ditemukan)</translation>
    </message>
    <message>
        <source>(no printer installed)</source>
        <translation>(tidak ada printer terpasang)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Simpan berita acara</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Tersimpan: %1</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Mencetak…</translation>
    </message>
    <message numerus="yes">
        <source>Sent to %1 (%n page(s)).</source>
        <translation>
            <numerusform>Dikirim ke %1 (%n halaman).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseFiles</name>
    <message>
        <source>Blanko Desktop database (*.sqlite *.db);;All files (*)</source>
        <translation>Basis data Blanko Desktop (*.sqlite *.db);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Basis data baru</translation>
    </message>
    <message>
        <source>%1 already exists. A new database never replaces a file. Open this one instead?</source>
        <translation>%1 sudah ada. Basis data baru tidak pernah menimpa berkas. Buka berkas ini saja?</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Buka basis data</translation>
    </message>
    <message>
        <source>Blanko Desktop</source>
        <translation>Blanko Desktop</translation>
    </message>
    <message>
        <source>The database cannot be opened.</source>
        <translation>Basis data tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>Buka berkas lain…</translation>
    </message>
    <message>
        <source>Create a new one…</source>
        <translation>Buat yang baru…</translation>
    </message>
    <message>
        <source>Open a server…</source>
        <translation>Buka server…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>DocumentInfo</name>
    <message>
        <source>PDF protected by password</source>
        <translation>PDF dilindungi kata sandi</translation>
    </message>
    <message>
        <source>damaged PDF</source>
        <translation>PDF rusak</translation>
    </message>
    <message numerus="yes">
        <source>PDF, %n page(s)</source>
        <translation>
            <numerusform>PDF, %n halaman</numerusform>
        </translation>
    </message>
    <message>
        <source>text</source>
        <translation>teks</translation>
    </message>
    <message>
        <source>scan (no text)</source>
        <translation>hasil pindaian (tanpa teks)</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n peserta</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n temuan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentKind</name>
    <message>
        <source>Request letter</source>
        <translation>Surat permohonan</translation>
    </message>
    <message>
        <source>Assessment minutes</source>
        <translation>Berita acara asesmen</translation>
    </message>
    <message>
        <source>Certification decision</source>
        <translation>Keputusan sertifikasi</translation>
    </message>
    <message>
        <source>Participant list</source>
        <translation>Daftar peserta</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Completion request</source>
        <translation>Permintaan kelengkapan</translation>
    </message>
    <message>
        <source>Scan of the approval sheet</source>
        <translation>Pindaian lembar persetujuan</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>Open with the default program</source>
        <translation>Buka dengan program bawaan</translation>
    </message>
    <message>
        <source>Opens a copy of the file; the stored original is never changed.</source>
        <translation>Membuka salinan berkas; berkas asli yang tersimpan tidak pernah diubah.</translation>
    </message>
    <message>
        <source>Select a document to preview it here.</source>
        <translation>Pilih dokumen untuk melihat pratinjaunya di sini.</translation>
    </message>
    <message>
        <source>This PDF is protected by a password: no preview. Ask the LSP to send it without one.</source>
        <translation>PDF ini dilindungi kata sandi: pratinjau tidak tersedia. Minta LSP mengirimkannya tanpa kata sandi.</translation>
    </message>
    <message>
        <source>The stored file is missing. Run the database check.</source>
        <translation>Berkas yang tersimpan tidak ditemukan. Jalankan pemeriksaan basis data.</translation>
    </message>
    <message>
        <source>This PDF is protected in a way that cannot be opened: no preview.</source>
        <translation>PDF ini dilindungi dengan cara yang tidak dapat dibuka: pratinjau tidak tersedia.</translation>
    </message>
    <message>
        <source>This file cannot be shown as a PDF (it is damaged or not a PDF at all).</source>
        <translation>Berkas ini tidak dapat ditampilkan sebagai PDF (rusak atau bukan PDF).</translation>
    </message>
    <message numerus="yes">
        <source>%n participant row(s) read; rows with an open error are shown in red.</source>
        <translation>
            <numerusform>%n baris peserta terbaca; baris dengan kesalahan terbuka ditandai merah.</numerusform>
        </translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+minus)</source>
        <translation>Perkecil (Ctrl+minus)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+plus)</source>
        <translation>Perbesar (Ctrl+plus)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Selebar panel</translation>
    </message>
    <message>
        <source>Fit the page to the width of the pane (Ctrl+0)</source>
        <translation>Sesuaikan halaman dengan lebar panel (Ctrl+0)</translation>
    </message>
</context>
<context>
    <name>DraftBar</name>
    <message>
        <source>It has been sent</source>
        <translation>Sudah dikirim</translation>
    </message>
    <message>
        <source>Record that the e-mail left: the request then waits for the LSP and its clock stops.</source>
        <translation>Catat bahwa e-mailnya sudah terkirim: permohonan lalu menunggu LSP dan batas waktunya berhenti.</translation>
    </message>
    <message>
        <source>Copy the text again</source>
        <translation>Salin teksnya lagi</translation>
    </message>
</context>
<context>
    <name>DropOverlay</name>
    <message>
        <source>Drop to add the files to request #%1</source>
        <translation>Lepaskan untuk menambahkan berkas ke permohonan #%1</translation>
    </message>
    <message>
        <source>Drop to receive the files: e-mails (.eml, .msg), PDF and Excel files, or a folder</source>
        <translation>Lepaskan untuk menerima berkas: e-mail (.eml, .msg), berkas PDF dan Excel, atau folder</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No requests yet</source>
        <translation>Belum ada permohonan</translation>
    </message>
    <message>
        <source>Drag an e-mail or request files here</source>
        <translation>Seret e-mail atau berkas permohonan ke sini</translation>
    </message>
    <message>
        <source>An LSP&apos;s request arrives as an e-mail with four documents: the request letter, the assessment minutes, the certification decision and the participant list. Register the LSPs you work with first, so that their e-mails are recognised.</source>
        <translation>Permohonan LSP datang sebagai e-mail berisi empat dokumen: surat permohonan, berita acara asesmen, keputusan sertifikasi, dan daftar peserta. Daftarkan dahulu LSP yang Anda layani agar e-mail mereka dikenali.</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Impor berkas…</translation>
    </message>
    <message>
        <source>Open the LSP registry…</source>
        <translation>Buka daftar LSP…</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Lembar</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>diterima</translation>
    </message>
    <message>
        <source>open error</source>
        <translation>kesalahan</translation>
    </message>
    <message>
        <source>Accepted: %1</source>
        <translation>Diterima: %1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>peringatan</translation>
    </message>
    <message>
        <source>follows from %1</source>
        <translation>akibat %1</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Findings</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Accept finding…</source>
        <translation>Terima temuan…</translation>
    </message>
    <message>
        <source>Accept the selected findings with a note (kept in the history).</source>
        <translation>Terima temuan yang dipilih dengan catatan (dicatat dalam riwayat).</translation>
    </message>
    <message>
        <source>Re-open…</source>
        <translation>Buka kembali…</translation>
    </message>
    <message>
        <source>Withdraw the acceptance of the selected finding, with a note (kept in the history).</source>
        <translation>Batalkan penerimaan temuan yang dipilih, dengan catatan (tercatat di riwayat).</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n temuan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open error(s)</source>
        <translation>
            <numerusform>%n kesalahan terbuka</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n follow(s) from another</source>
        <translation>
            <numerusform>%n akibat temuan lain</numerusform>
        </translation>
    </message>
    <message>
        <source>No findings: every check passed.</source>
        <translation>Tidak ada temuan: semua pemeriksaan lolos.</translation>
    </message>
    <message numerus="yes">
        <source>No findings in the files received; %n point(s) still open with the LSP.</source>
        <translation>
            <numerusform>Tidak ada temuan pada berkas yang diterima; masih %n hal terbuka dengan LSP.</numerusform>
        </translation>
    </message>
    <message>
        <source>No findings in the files received; your tasks remain.</source>
        <translation>Tidak ada temuan pada berkas yang diterima; tugas Anda masih tersisa.</translation>
    </message>
    <message>
        <source>Accepted by %1 %2: %3</source>
        <translation>Diterima oleh %1 %2: %3</translation>
    </message>
    <message>
        <source>This follows from %1: it goes away when that row is accepted (counted once) or corrected by the LSP; the completion e-mail names that row instead.</source>
        <translation>Temuan ini akibat %1: hilang bila baris itu diterima (dihitung sekali) atau diperbaiki LSP; e-mail permintaan kelengkapan menyebut baris itu, bukan temuan ini.</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Approval sheet</source>
        <translation>Lembar persetujuan</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Tanda terima</translation>
    </message>
    <message>
        <source>Address label</source>
        <translation>Label alamat</translation>
    </message>
    <message>
        <source>Courier manifest</source>
        <translation>Daftar serah terima kurir</translation>
    </message>
    <message>
        <source>Completion request letter</source>
        <translation>Surat permintaan kelengkapan</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Officer&apos;s guide</source>
        <translation>Panduan petugas</translation>
    </message>
    <message>
        <source>The guide is missing from this installation (%1).</source>
        <translation>Panduan tidak ada di instalasi ini (%1).</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>to %1</source>
        <translation>kepada %1</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>baris %1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>catatan: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n sheet(s)</source>
        <translation>
            <numerusform>%n lembar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <source>The clipboard holds no files. Copy the files in Explorer or your mail program (Ctrl+C), then paste them here (Ctrl+V).</source>
        <translation>Papan klip tidak berisi berkas. Salin berkasnya di Explorer atau di program e-mail (Ctrl+C), lalu tempel di sini (Ctrl+V).</translation>
    </message>
    <message>
        <source>Only a web link arrived, not a file: mail in a web browser (Gmail, Outlook on the web, the new Outlook) does not hand over its attachments. Save the attachments to the desktop (or drag them onto the desktop) first, then drag those files here.</source>
        <translation>Yang diterima hanya tautan web, bukan berkas: e-mail di peramban (Gmail, Outlook web, Outlook baru) tidak menyerahkan lampirannya. Simpan dulu lampirannya ke Desktop (atau seret ke Desktop), lalu seret berkas itu ke sini.</translation>
    </message>
    <message>
        <source>Nothing that was dropped can be read as a file. Save the e-mail&apos;s attachments to the desktop (or drag them onto the desktop) first, then drag those files here.</source>
        <translation>Tidak ada berkas yang dapat dibaca dari yang diseret. Simpan dulu lampiran e-mail ke Desktop (atau seret ke Desktop), lalu seret berkas itu ke sini.</translation>
    </message>
    <message>
        <source>These attachments could not be read from the mail program: %1. Save them to the desktop first, then drag the files here.</source>
        <translation>Lampiran berikut tidak dapat dibaca dari program e-mail: %1. Simpan dulu ke Desktop, lalu seret berkasnya ke sini.</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Impor berkas</translation>
    </message>
    <message>
        <source>Request documents (*.pdf *.xlsx *.xlsm *.xls *.ods *.eml *.msg);;All files (*)</source>
        <translation>Dokumen permohonan (*.pdf *.xlsx *.xlsm *.xls *.ods *.eml *.msg);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Intake cancelled: nothing was stored.</source>
        <translation>Penerimaan dibatalkan: tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>Nothing new: every file had been received before.</source>
        <translation>Tidak ada yang baru: semua berkas sudah pernah diterima.</translation>
    </message>
    <message numerus="yes">
        <source>Request #%1: %n file(s) stored.</source>
        <translation>
            <numerusform>Permohonan #%1: %n berkas disimpan.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) had been received before.</source>
        <translation>
            <numerusform>%n berkas sudah pernah diterima.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Receive files</source>
        <translation>Terima berkas</translation>
    </message>
    <message>
        <source>E-mail from %1</source>
        <translation>E-mail dari %1</translation>
    </message>
    <message numerus="yes">
        <source>Loose files (not an e-mail): %n file(s)</source>
        <translation>
            <numerusform>Berkas lepas (bukan e-mail): %n berkas</numerusform>
        </translation>
    </message>
    <message>
        <source>(the request&apos;s LSP)</source>
        <translation>(LSP permohonan ini)</translation>
    </message>
    <message>
        <source>(recognised by the sender&apos;s address)</source>
        <translation>(dikenali dari alamat pengirim)</translation>
    </message>
    <message>
        <source>The sender %1 is not in the LSP registry. Choose the LSP:</source>
        <translation>Pengirim %1 tidak ada di daftar LSP. Pilih LSP-nya:</translation>
    </message>
    <message>
        <source>Choose the LSP that sent these files:</source>
        <translation>Pilih LSP pengirim berkas ini:</translation>
    </message>
    <message>
        <source>— not decided yet —</source>
        <translation>— belum ditentukan —</translation>
    </message>
    <message>
        <source>Add %1 to this LSP&apos;s e-mail addresses</source>
        <translation>Tambahkan %1 ke alamat e-mail LSP ini</translation>
    </message>
    <message>
        <source>&amp;LSP:</source>
        <translation>&amp;LSP:</translation>
    </message>
    <message>
        <source>A new request</source>
        <translation>Permohonan baru</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Permohonan:</translation>
    </message>
    <message>
        <source>Add to request #%1 (%2)</source>
        <translation>Tambahkan ke permohonan #%1 (%2)</translation>
    </message>
    <message>
        <source>the e-mail&apos;s date</source>
        <translation>tanggal e-mail</translation>
    </message>
    <message>
        <source>when the files were dropped; change it if they arrived earlier</source>
        <translation>saat berkas diletakkan; ubah bila berkas tiba lebih awal</translation>
    </message>
    <message>
        <source>&amp;Received:</source>
        <translation>&amp;Diterima:</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Detected as</source>
        <translation>Dikenali sebagai</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Every file had been received before: nothing new to store.</source>
        <translation>Semua berkas sudah pernah diterima: tidak ada yang baru untuk disimpan.</translation>
    </message>
    <message>
        <source>&amp;Receive the files</source>
        <translation>&amp;Terima berkas</translation>
    </message>
    <message>
        <source>already received on %1 for request #%2</source>
        <translation>sudah diterima pada %1 untuk permohonan #%2</translation>
    </message>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>Add to request #%1, which waits for the LSP to complete it</source>
        <translation>Tambahkan ke permohonan #%1 yang menunggu kelengkapan</translation>
    </message>
    <message>
        <source>(received %1)</source>
        <translation>(diterima %1)</translation>
    </message>
    <message>
        <source>Register a new LSP…</source>
        <translation>Daftarkan LSP baru…</translation>
    </message>
    <message>
        <source>Suggested: %1. Why: %2</source>
        <translation>Disarankan: %1. Alasannya: %2</translation>
    </message>
    <message>
        <source>Registered from the letter: %1.</source>
        <translation>Didaftarkan dari surat: %1.</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Issue blanks</source>
        <translation>Keluarkan blanko</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Keluarkan</translation>
    </message>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Permohonan:</translation>
    </message>
    <message>
        <source>Use the &amp;suggestion</source>
        <translation>Pakai &amp;usulan</translation>
    </message>
    <message>
        <source>Put back the ranges the program suggests.</source>
        <translation>Kembalikan rentang yang diusulkan program.</translation>
    </message>
    <message>
        <source>Stock on hand:</source>
        <translation>Stok tersedia:</translation>
    </message>
    <message>
        <source>Ranges to issue (take these bundles from the store):</source>
        <translation>Rentang yang dikeluarkan (ambil bundel ini dari gudang):</translation>
    </message>
    <message>
        <source>No approved request is waiting for blanks.</source>
        <translation>Tidak ada permohonan disetujui yang menunggu blanko.</translation>
    </message>
    <message>
        <source>Request #%1 (%2) is %3.</source>
        <translation>Permohonan #%1 (%2) berstatus %3.</translation>
    </message>
    <message>
        <source>(unknown LSP)</source>
        <translation>(LSP belum diketahui)</translation>
    </message>
    <message>
        <source>Request #%1 from %2: %3 approved.</source>
        <translation>Permohonan #%1 dari %2: disetujui %3.</translation>
    </message>
    <message>
        <source>Replacement: %1 damaged sheets returned.</source>
        <translation>Penggantian: %1 lembar rusak sudah dikembalikan.</translation>
    </message>
    <message>
        <source>✓ %1 of %2 approved</source>
        <translation>✓ %1 dari %2 yang disetujui</translation>
    </message>
    <message>
        <source>✗ %1 of %2 approved: exactly the approved number is issued</source>
        <translation>✗ %1 dari %2 yang disetujui: yang dikeluarkan harus tepat sejumlah yang disetujui</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan papan ketik</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>Fungsinya</translation>
    </message>
    <message>
        <source>Everything in the window works with the keyboard alone:</source>
        <translation>Semua yang ada di jendela dapat dikerjakan dengan papan ketik saja:</translation>
    </message>
    <message>
        <source>Find a request: LSP, letter no., sender or #number</source>
        <translation>Cari permohonan: LSP, nomor surat, pengirim atau #nomor</translation>
    </message>
    <message>
        <source>Esc (in the search box)</source>
        <translation>Esc (di kotak cari)</translation>
    </message>
    <message>
        <source>Clear the search; again: back to the table</source>
        <translation>Kosongkan pencarian; sekali lagi: kembali ke tabel</translation>
    </message>
    <message>
        <source>↑ ↓ (in the table)</source>
        <translation>↑ ↓ (di tabel)</translation>
    </message>
    <message>
        <source>Select a request: its details show on the right</source>
        <translation>Pilih permohonan: rinciannya tampil di kanan</translation>
    </message>
    <message>
        <source>Enter (in the table)</source>
        <translation>Enter (di tabel)</translation>
    </message>
    <message>
        <source>Go to the buttons of the next step in the detail pane</source>
        <translation>Ke tombol langkah berikutnya di panel rincian</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <source>Move between buttons and fields</source>
        <translation>Berpindah antartombol dan isian</translation>
    </message>
    <message>
        <source>Enter or Space (on a button)</source>
        <translation>Enter atau Spasi (pada tombol)</translation>
    </message>
    <message>
        <source>Press the button</source>
        <translation>Menekan tombol itu</translation>
    </message>
    <message>
        <source>Esc (in the detail pane)</source>
        <translation>Esc (di panel rincian)</translation>
    </message>
    <message>
        <source>Back to the table</source>
        <translation>Kembali ke tabel</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>New blanks</source>
        <translation>Blanko baru</translation>
    </message>
    <message>
        <source>Replacement of damaged blanks</source>
        <translation>Penggantian blanko rusak</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>Nomor seri</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Lembar</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Permohonan</translation>
    </message>
    <message>
        <source>LSP</source>
        <translation>LSP</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Dicatat oleh</translation>
    </message>
    <message>
        <source>delivery doc. %1</source>
        <translation>dok. %1</translation>
    </message>
    <message>
        <source>reverses #%1</source>
        <translation>membatalkan #%1</translation>
    </message>
    <message>
        <source>reversed by #%1</source>
        <translation>dibatalkan oleh #%1</translation>
    </message>
    <message>
        <source>replaces %1</source>
        <translation>pengganti %1</translation>
    </message>
    <message>
        <source>stock count #%1</source>
        <translation>stock opname #%1</translation>
    </message>
</context>
<context>
    <name>LspEditDialog</name>
    <message>
        <source>New LSP</source>
        <translation>LSP baru</translation>
    </message>
    <message>
        <source>Edit LSP</source>
        <translation>Ubah data LSP</translation>
    </message>
    <message>
        <source>One per line: admin@lsp-example.or.id, or a whole domain such as lsp-example.or.id</source>
        <translation>Satu per baris: admin@lsp-contoh.or.id, atau seluruh domain seperti lsp-contoh.or.id</translation>
    </message>
    <message>
        <source>Ac&amp;tive (requests are expected from this LSP)</source>
        <translation>&amp;Aktif (LSP ini masih mengajukan permohonan)</translation>
    </message>
    <message>
        <source>&amp;Licence no.:</source>
        <translation>No. &amp;lisensi:</translation>
    </message>
    <message>
        <source>&amp;Postal code:</source>
        <translation>Kode &amp;pos:</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>&amp;Telepon:</translation>
    </message>
    <message>
        <source>C&amp;ontact person:</source>
        <translation>Nara&amp;hubung:</translation>
    </message>
    <message>
        <source>&amp;E-mail addresses and domains:</source>
        <translation>Alamat &amp;e-mail dan domain:</translation>
    </message>
    <message>
        <source>The form now shows the data as saved by your colleague. Make your change again and save.</source>
        <translation>Formulir kini menampilkan data yang disimpan rekan Anda. Ulangi perubahan Anda lalu simpan.</translation>
    </message>
    <message>
        <source>&amp;Name: *</source>
        <translation>&amp;Nama: *</translation>
    </message>
    <message>
        <source>&amp;Address: *</source>
        <translation>&amp;Alamat: *</translation>
    </message>
    <message>
        <source>&amp;City: *</source>
        <translation>&amp;Kota: *</translation>
    </message>
    <message>
        <source>* required: blanks are shipped to the LSP&apos;s address of record.</source>
        <translation>* wajib diisi: blanko dikirim ke alamat LSP yang tercatat.</translation>
    </message>
    <message>
        <source>address</source>
        <translation>alamat</translation>
    </message>
    <message>
        <source>city</source>
        <translation>kota</translation>
    </message>
    <message>
        <source>Not yet complete for shipping: %1 missing.</source>
        <translation>Belum lengkap untuk pengiriman: %1 belum diisi.</translation>
    </message>
</context>
<context>
    <name>LspPicker</name>
    <message>
        <source>LSP</source>
        <translation>LSP</translation>
    </message>
    <message>
        <source>Set LSP</source>
        <translation>Tetapkan LSP</translation>
    </message>
    <message>
        <source>Choose an LSP in the list first (or register a new one).</source>
        <translation>Pilih LSP di daftar dulu (atau daftarkan LSP baru).</translation>
    </message>
    <message>
        <source>— choose the LSP —</source>
        <translation>— pilih LSP —</translation>
    </message>
    <message>
        <source>Register a new LSP…</source>
        <translation>Daftarkan LSP baru…</translation>
    </message>
    <message>
        <source>The sender %1 is not in the LSP registry: set the LSP of this request.</source>
        <translation>Pengirim %1 belum terdaftar di Daftar LSP: tetapkan LSP permohonan ini.</translation>
    </message>
    <message>
        <source>The files came without a sender: set the LSP of this request.</source>
        <translation>Berkas diterima tanpa pengirim: tetapkan LSP permohonan ini.</translation>
    </message>
    <message>
        <source>Suggested: %1. Why: %2</source>
        <translation>Disarankan: %1. Alasannya: %2</translation>
    </message>
    <message>
        <source>The LSP registry is empty: register the sender&apos;s LSP (its details are taken from the letter).</source>
        <translation>Daftar LSP masih kosong: daftarkan LSP pengirim (datanya diambil dari surat).</translation>
    </message>
    <message>
        <source>Nothing in the letter or the sender&apos;s address points to a registered LSP: choose one, or register a new LSP.</source>
        <translation>Tidak ada petunjuk di surat atau alamat pengirim yang menunjuk LSP terdaftar: pilih sendiri, atau daftarkan LSP baru.</translation>
    </message>
    <message>
        <source>Remember %1 for this LSP</source>
        <translation>Catat %1 untuk LSP ini</translation>
    </message>
    <message>
        <source>Attach this request to the chosen LSP.</source>
        <translation>Tetapkan permohonan ini ke LSP yang dipilih.</translation>
    </message>
</context>
<context>
    <name>LspRegistryDialog</name>
    <message>
        <source>LSP registry</source>
        <translation>Daftar LSP</translation>
    </message>
    <message>
        <source>Name, city or e-mail</source>
        <translation>Nama, kota, atau e-mail</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Kota</translation>
    </message>
    <message>
        <source>Licence no.</source>
        <translation>No. lisensi</translation>
    </message>
    <message>
        <source>E-mail addresses and domains</source>
        <translation>Alamat e-mail dan domain</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Tambah…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Impor dari Excel…</translation>
    </message>
    <message numerus="yes">
        <source>%n LSP(s)</source>
        <translation>
            <numerusform>%n LSP</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Import LSPs from Excel</source>
        <translation>Impor LSP dari Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx *.xlsm *.xls *.ods);;All files (*)</source>
        <translation>Buku kerja Excel (*.xlsx *.xlsm *.xls *.ods);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Added: %1. Updated: %2.</source>
        <translation>Ditambahkan: %1. Diperbarui: %2.</translation>
    </message>
    <message>
        <source>Import from Excel</source>
        <translation>Impor dari Excel</translation>
    </message>
    <message>
        <source>Not yet complete for shipping: %1 missing.</source>
        <translation>Belum lengkap untuk pengiriman: %1 belum diisi.</translation>
    </message>
    <message>
        <source>(from %1)</source>
        <translation>(dari %1)</translation>
    </message>
    <message numerus="yes">
        <source>Not imported (%n):</source>
        <translation>
            <numerusform>Tidak diimpor (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more: see the details.</source>
        <translation>
            <numerusform>… dan %n lainnya: lihat rinciannya.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Incoming requests</source>
        <translation>Permohonan Masuk</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <source>Blank stock</source>
        <translation>Stok Blanko</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Impor berkas…</translation>
    </message>
    <message>
        <source>Receive request files or saved e-mails (.eml, .msg) from disk</source>
        <translation>Terima berkas permohonan atau e-mail tersimpan (.eml, .msg) dari disk</translation>
    </message>
    <message>
        <source>&amp;Paste files</source>
        <translation>T&amp;empel berkas</translation>
    </message>
    <message>
        <source>Receive the files copied in Explorer or in the mail program</source>
        <translation>Terima berkas yang disalin di Explorer atau di program e-mail</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>&amp;Basis data baru…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>B&amp;uka basis data…</translation>
    </message>
    <message>
        <source>Open database &amp;server…</source>
        <translation>Buka &amp;server basis data…</translation>
    </message>
    <message>
        <source>Work on the office&apos;s PostgreSQL server instead of a file</source>
        <translation>Bekerja pada server PostgreSQL kantor, bukan pada berkas</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;LSP registry…</source>
        <translation>Daftar &amp;LSP…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>&amp;About Blanko Desktop</source>
        <translation>&amp;Tentang Blanko Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Recent databases</source>
        <translation>Basis data &amp;terakhir</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(belum ada)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Basis data: %1</translation>
    </message>
    <message>
        <source>Server (PostgreSQL)</source>
        <translation>Server (PostgreSQL)</translation>
    </message>
    <message>
        <source>The database is on the office&apos;s server: other officers use it at the same time.</source>
        <translation>Basis data ada di server kantor: petugas lain memakainya pada saat yang sama.</translation>
    </message>
    <message>
        <source>Shared mode (network)</source>
        <translation>Mode bersama (jaringan)</translation>
    </message>
    <message>
        <source>The database is on a network drive: other officers may use it at the same time.</source>
        <translation>Basis data berada di drive jaringan: petugas lain dapat memakainya pada saat yang sama.</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>The database is on this computer.</source>
        <translation>Basis data berada di komputer ini.</translation>
    </message>
    <message>
        <source>Officer: %1</source>
        <translation>Petugas: %1</translation>
    </message>
    <message>
        <source>The database is read-only: this server is a standby copy. You can look at everything, but no change can be saved. Open the office&apos;s main server to work.</source>
        <translation>Basis data hanya dapat dibaca: server ini salinan cadangan. Anda dapat melihat semuanya, tetapi tidak ada perubahan yang dapat disimpan. Buka server utama kantor untuk bekerja.</translation>
    </message>
    <message>
        <source>The database is busy: another officer is saving. Retrying (%1)…</source>
        <translation>Basis data sedang sibuk: petugas lain sedang menyimpan. Mencoba lagi (%1)…</translation>
    </message>
    <message>
        <source>Reading %1 of %2: %3</source>
        <translation>Membaca %1 dari %2: %3</translation>
    </message>
    <message>
        <source>Reading the files…</source>
        <translation>Membaca berkas…</translation>
    </message>
    <message>
        <source>About Blanko Desktop</source>
        <translation>Tentang Blanko Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Blanko Desktop %1&lt;/h3&gt;&lt;p&gt;The BNSP secretariat&apos;s workstation for requests for blank competency certificates: intake, completeness check, approval, packing, courier and stock.&lt;/p&gt;&lt;p&gt;Licence: GPL-3.0-or-later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Blanko Desktop %1&lt;/h3&gt;&lt;p&gt;Aplikasi kerja Sekretariat BNSP untuk permohonan blanko sertifikat kompetensi: penerimaan, pemeriksaan kelengkapan, persetujuan, pengemasan, kurir, dan stok.&lt;/p&gt;&lt;p&gt;Lisensi: GPL-3.0-or-later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Pengiriman</translation>
    </message>
    <message>
        <source>Approval &amp;&amp; printing</source>
        <translation>Persetujuan &amp;&amp; Cetak</translation>
    </message>
    <message>
        <source>Read again from the database: %1.</source>
        <translation>Dimuat ulang dari basis data: %1.</translation>
    </message>
    <message>
        <source>&amp;Find a request</source>
        <translation>&amp;Cari permohonan</translation>
    </message>
    <message>
        <source>Officer&apos;s &amp;guide</source>
        <translation>&amp;Panduan petugas</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Pintasan papan &amp;ketik</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>hanya baca</translation>
    </message>
    <message>
        <source>The database is read-only: you can look at everything, but no change can be saved (permissions of the file or its folder). Ask for write access, or open another file.</source>
        <translation>Basis data hanya dapat dibaca: semua data dapat dilihat, tetapi tidak ada perubahan yang dapat disimpan (hak akses berkas atau foldernya). Minta hak tulis, atau buka berkas lain.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Sudah diubah petugas lain</translation>
    </message>
    <message>
        <source>Database problem</source>
        <translation>Masalah basis data</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Tidak dapat dilakukan</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Kesalahan tak terduga</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect; nothing was saved. Please tell the maintainer:

%1</source>
        <translation>Terjadi kesalahan yang tidak terduga oleh program; tidak ada yang disimpan. Mohon sampaikan kepada pengelola aplikasi:

%1</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close this message</source>
        <translation>Tutup pesan ini</translation>
    </message>
</context>
<context>
    <name>OfficerNameDialog</name>
    <message>
        <source>Welcome to Blanko Desktop</source>
        <translation>Selamat datang di Blanko Desktop</translation>
    </message>
    <message>
        <source>Officer &amp;name:</source>
        <translation>&amp;Nama petugas:</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nama Anda</translation>
    </message>
    <message>
        <source>Letters to the LSPs are signed with your name, and every change you make is recorded in the history with it. What is your name as officer?</source>
        <translation>Surat kepada LSP ditandatangani dengan nama Anda, dan setiap perubahan yang Anda buat tercatat di riwayat dengan nama itu. Siapa nama Anda sebagai petugas?</translation>
    </message>
    <message>
        <source>Every change you make is recorded in the history with your name, and letters to the LSPs are signed with it. What is your name as officer?</source>
        <translation>Setiap perubahan yang Anda buat tercatat di riwayat dengan nama Anda, dan surat kepada LSP ditandatangani dengan nama itu. Siapa nama Anda sebagai petugas?</translation>
    </message>
    <message>
        <source>e.g. Sri Wahyuni</source>
        <translation>mis. Sri Wahyuni</translation>
    </message>
    <message>
        <source>Required. You can change it later in Data ▸ Settings.</source>
        <translation>Wajib diisi. Nanti dapat diubah di Data ▸ Pengaturan.</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Skema</translation>
    </message>
    <message>
        <source>K/BK</source>
        <translation>K/BK</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Sumber anggaran</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Lembar</translation>
    </message>
</context>
<context>
    <name>ParticipantsPanel</name>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Skema</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Sumber anggaran</translation>
    </message>
    <message>
        <source>The letter is a scan: type the number of blanks it asks for.</source>
        <translation>Surat berupa hasil pindaian: ketik jumlah blanko yang diminta dalam surat.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Blanks requested (letter):</source>
        <translation>Blanko diminta (surat):</translation>
    </message>
    <message>
        <source>Competent (list):</source>
        <translation>Kompeten (daftar):</translation>
    </message>
    <message>
        <source>Not yet competent:</source>
        <translation>Belum kompeten:</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>BK</source>
        <translation>BK</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>The letter asks for %1 blanks but the list has %2 competent participants.</source>
        <translation>Surat meminta %1 blanko, tetapi daftar berisi %2 peserta kompeten.</translation>
    </message>
    <message>
        <source>Counted once (duplicate rows accepted): row %1</source>
        <translation>Dihitung sekali (baris ganda diterima): baris %1</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>The form could not be shown.</source>
        <translation>Formulir tidak dapat ditampilkan.</translation>
    </message>
</context>
<context>
    <name>PictureWindow</name>
    <message>
        <source>Screenshot: %1</source>
        <translation>Gambar layar: %1</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Isi</translation>
    </message>
    <message>
        <source>Drag a file onto a checklist slot, or right-click it, to change its kind.</source>
        <translation>Seret berkas ke kotak dokumen wajib, atau klik kanan, untuk mengubah jenisnya.</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print — %1</source>
        <translation>Cetak — %1</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>Permohonan #%1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n halaman</numerusform>
        </translation>
    </message>
    <message>
        <source>Proposal for signing: the approval is not recorded yet.</source>
        <translation>Usulan untuk ditandatangani: persetujuan belum dicatat.</translation>
    </message>
    <message>
        <source>— choose a printer —</source>
        <translation>— pilih printer —</translation>
    </message>
    <message>
        <source>&amp;Printer:</source>
        <translation>&amp;Printer:</translation>
    </message>
    <message>
        <source>&amp;Copies:</source>
        <translation>&amp;Salinan:</translation>
    </message>
    <message>
        <source>The receipt prints both copies (for the LSP and for the archive) on two pages.</source>
        <translation>Tanda terima mencetak kedua salinannya (untuk LSP dan arsip) pada dua halaman.</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Cetak</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Simpan sebagai P&amp;DF…</translation>
    </message>
    <message>
        <source>A saved PDF is logged like a printed form.</source>
        <translation>PDF yang disimpan dicatat seperti formulir yang dicetak.</translation>
    </message>
    <message>
        <source>Open in PDF &amp;viewer</source>
        <translation>Buka di &amp;penampil PDF</translation>
    </message>
    <message>
        <source>Opens a copy in the PDF program; print from here to keep the print in the log.</source>
        <translation>Membuka salinan di program PDF; cetak dari sini agar pencetakannya tercatat.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>No printer is installed on this computer: save the form as a PDF instead.</source>
        <translation>Tidak ada printer terpasang di komputer ini: simpan formulir sebagai PDF.</translation>
    </message>
    <message>
        <source>The printer used for this form, “%1”, is no longer on this computer. Choose another printer; the choice is remembered.</source>
        <translation>Printer yang biasa dipakai untuk formulir ini, “%1”, tidak ada lagi di komputer ini. Pilih printer lain; pilihan itu akan diingat.</translation>
    </message>
    <message>
        <source>The default printer of Settings, “%1”, is no longer on this computer. Choose another printer.</source>
        <translation>Printer bawaan di Pengaturan, “%1”, tidak ada lagi di komputer ini. Pilih printer lain.</translation>
    </message>
    <message>
        <source>Printing on %1…</source>
        <translation>Mencetak ke %1…</translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation>Tidak ada yang dicetak.</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Disimpan sebagai %1.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>No PDF viewer</source>
        <translation>Tidak ada penampil PDF</translation>
    </message>
    <message>
        <source>No program could open the PDF. The copy is at %1.</source>
        <translation>Tidak ada program yang dapat membuka PDF itu. Salinannya ada di %1.</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;langi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Potong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Tampilkan rincian...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Sembunyikan rincian...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Simpan semua</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ya untuk &amp;semua</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Tidak untuk s&amp;emua</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atur ulang</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Kembalikan bawaan</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;langi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Potong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Salin alamat &amp;tautan</translation>
    </message>
</context>
<context>
    <name>RangesEntry</name>
    <message>
        <source>Scan or type the first sheet of a bundle, then the last</source>
        <translation>Pindai atau ketik lembar pertama bundel, lalu lembar terakhir</translation>
    </message>
    <message>
        <source>One range per line, e.g.
%1 - %2</source>
        <translation>Satu rentang per baris, mis.
%1 - %2</translation>
    </message>
    <message>
        <source>Scan the first sheet of a bundle and then its last sheet; each pair becomes a line below.</source>
        <translation>Pindai lembar pertama bundel lalu lembar terakhirnya; setiap pasangan menjadi satu baris di bawah.</translation>
    </message>
    <message>
        <source>First sheet %1: now scan the last sheet of this bundle.</source>
        <translation>Lembar pertama %1: sekarang pindai lembar terakhir bundel ini.</translation>
    </message>
    <message>
        <source>No ranges yet.</source>
        <translation>Belum ada rentang.</translation>
    </message>
    <message numerus="yes">
        <source>%n range(s)</source>
        <translation>
            <numerusform>%n rentang</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptChoiceDialog</name>
    <message>
        <source>Which parcel is this receipt for?</source>
        <translation>Tanda terima ini untuk paket yang mana?</translation>
    </message>
    <message>
        <source>Receipt signed by the LSP</source>
        <translation>Tanda terima bertanda tangan LSP</translation>
    </message>
    <message>
        <source>Courier&apos;s delivery receipt</source>
        <translation>Bukti terima dari kurir</translation>
    </message>
    <message>
        <source>&amp;Parcel:</source>
        <translation>&amp;Paket:</translation>
    </message>
    <message>
        <source>&amp;Receipt:</source>
        <translation>&amp;Tanda terima:</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Receive blanks from the printer</source>
        <extracomment>What a stock-only write announces: no request, LSP or setting changed (the stock tab reloads on it).</extracomment>
        <translation>Terima blanko dari percetakan</translation>
    </message>
    <message>
        <source>&amp;Receive</source>
        <translation>&amp;Terima</translation>
    </message>
    <message>
        <source>Enter the first and last serial of the delivery (type them or scan the first and last sheet) and the printer&apos;s delivery document.</source>
        <translation>Isi nomor seri pertama dan terakhir kiriman (ketik, atau pindai lembar pertama dan terakhir) serta dokumen pengiriman dari percetakan.</translation>
    </message>
    <message>
        <source>e.g. SJ-014/PERURI/XI/2026</source>
        <translation>mis. SJ-014/PERURI/XI/2026</translation>
    </message>
    <message>
        <source>&amp;First serial:</source>
        <translation>Nomor seri &amp;pertama:</translation>
    </message>
    <message>
        <source>&amp;Last serial:</source>
        <translation>Nomor seri &amp;terakhir:</translation>
    </message>
    <message>
        <source>Delivery &amp;document no.:</source>
        <translation>Nomor &amp;dokumen pengiriman:</translation>
    </message>
    <message>
        <source>Document d&amp;ate:</source>
        <translation>T&amp;anggal dokumen:</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>&amp;Catatan:</translation>
    </message>
    <message>
        <source>The last serial is before the first.</source>
        <translation>Nomor seri terakhir lebih kecil dari yang pertama.</translation>
    </message>
</context>
<context>
    <name>ReopenFindingDialog</name>
    <message>
        <source>Accepted: %1</source>
        <translation>Diterima: %1</translation>
    </message>
    <message>
        <source>Re-open finding</source>
        <translation>Buka kembali temuan</translation>
    </message>
    <message>
        <source>&amp;Why re-open it? (kept in the history)</source>
        <translation>&amp;Mengapa dibuka kembali? (tercatat di riwayat)</translation>
    </message>
    <message>
        <source>e.g. accepted by mistake; the LSP must correct the list</source>
        <translation>mis. salah diterima; LSP harus memperbaiki daftarnya</translation>
    </message>
    <message>
        <source>Re-open</source>
        <translation>Buka kembali</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <source>Select a request to see its details.</source>
        <translation>Pilih permohonan untuk melihat rinciannya.</translation>
    </message>
    <message>
        <source>LSP:</source>
        <translation>LSP:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Jenis:</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>Pengirim:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Perihal:</translation>
    </message>
    <message>
        <source>Letter no.:</source>
        <translation>No. surat:</translation>
    </message>
    <message>
        <source>Letter date:</source>
        <translation>Tanggal surat:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Diterima:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Batas waktu:</translation>
    </message>
    <message>
        <source>Quantities:</source>
        <translation>Jumlah:</translation>
    </message>
    <message>
        <source>Cancellation reason:</source>
        <translation>Alasan pembatalan:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Catatan:</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Langkah berikutnya</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open a copy of the file.</source>
        <translation>Klik dua kali atau tekan Enter untuk membuka salinan berkas.</translation>
    </message>
    <message>
        <source>No documents stored for this request yet.</source>
        <translation>Belum ada dokumen tersimpan untuk permohonan ini.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>(unknown sender)</source>
        <translation>(pengirim tidak dikenal)</translation>
    </message>
    <message>
        <source>Request #%1 — %2</source>
        <translation>Permohonan #%1 — %2</translation>
    </message>
    <message>
        <source>Overdue: the one-working-day limit passed at %1.</source>
        <translation>Terlambat: batas satu hari kerja lewat pada %1.</translation>
    </message>
    <message>
        <source>Due today at %1.</source>
        <translation>Batas waktu hari ini pukul %1.</translation>
    </message>
    <message>
        <source>requested %1</source>
        <translation>diminta %1</translation>
    </message>
    <message>
        <source>competent %1</source>
        <translation>kompeten %1</translation>
    </message>
    <message>
        <source>not yet competent %1</source>
        <translation>belum kompeten %1</translation>
    </message>
    <message>
        <source>approved %1</source>
        <translation>disetujui %1</translation>
    </message>
    <message>
        <source>Check completeness…</source>
        <translation>Periksa kelengkapan…</translation>
    </message>
    <message>
        <source>The four documents, the counts and the findings; from there the request goes on to approval or back to the LSP.</source>
        <translation>Empat dokumen, jumlah peserta, dan temuan; dari sana permohonan lanjut ke persetujuan atau kembali ke LSP.</translation>
    </message>
    <message>
        <source>From the table: Enter comes here, Tab moves on, Enter presses the button, Esc goes back to the table.</source>
        <translation>Dari tabel: Enter ke sini, Tab berpindah, Enter menekan tombol, Esc kembali ke tabel.</translation>
    </message>
    <message>
        <source>%1 — received %2</source>
        <translation>%1 — diterima %2</translation>
    </message>
    <message>
        <source>The database is read-only: no change can be saved.</source>
        <translation>Basis data hanya dapat dibaca: tidak ada perubahan yang dapat disimpan.</translation>
    </message>
    <message>
        <source>clock stopped: waiting on the LSP</source>
        <translation>jam dihentikan: menunggu LSP</translation>
    </message>
    <message>
        <source>clock stopped: waiting on the LSP since %1</source>
        <translation>jam dihentikan: menunggu LSP sejak %1</translation>
    </message>
    <message>
        <source>— (packed: the secretariat&apos;s part is done)</source>
        <translation>— (sudah dikemas: bagian sekretariat selesai)</translation>
    </message>
</context>
<context>
    <name>RequestField</name>
    <message>
        <source>LSP</source>
        <translation>LSP</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>No. surat</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>Tanggal surat</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Pengirim</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Perihal</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>Clock running</source>
        <translation>Waktu berjalan</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Jumlah diminta</translation>
    </message>
    <message>
        <source>Competent</source>
        <translation>Kompeten</translation>
    </message>
    <message>
        <source>Not yet competent</source>
        <translation>Belum kompeten</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Cancellation reason</source>
        <translation>Alasan pembatalan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Clock started</source>
        <translation>Jam mulai</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>(unknown sender)</source>
        <translation>(pengirim tidak dikenal)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>LSP</source>
        <translation>LSP</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Batas waktu</translation>
    </message>
    <message>
        <source>Overdue: the one-working-day limit passed at %1</source>
        <translation>Terlambat: batas satu hari kerja lewat pada %1</translation>
    </message>
    <message>
        <source>Due today at %1</source>
        <translation>Batas waktu hari ini, %1</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>sejak %1</translation>
    </message>
    <message>
        <source>Blanks</source>
        <translation>Blanko</translation>
    </message>
    <message>
        <source>When the e-mail arrived; click to list the newest first</source>
        <translation>Saat e-mail diterima; klik untuk mengurutkan dari yang terbaru</translation>
    </message>
    <message>
        <source>The one-working-day limit; click to list the most urgent first</source>
        <translation>Batas satu hari kerja; klik untuk mengurutkan dari yang paling mendesak</translation>
    </message>
    <message>
        <source>Blanks the letter asks for</source>
        <translation>Jumlah blanko yang diminta surat</translation>
    </message>
    <message>
        <source>%1 — received %2</source>
        <translation>%1 — diterima %2</translation>
    </message>
    <message>
        <source>Waiting on the LSP since %1: the one-working-day clock is stopped until new documents arrive.</source>
        <translation>Menunggu LSP sejak %1: jam satu hari kerja dihentikan sampai dokumen baru datang.</translation>
    </message>
</context>
<context>
    <name>RequestsTab</name>
    <message>
        <source>LSP, letter no., sender or #number (Ctrl+F)</source>
        <translation>LSP, no. surat, pengirim, atau #nomor (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>&amp;LSP:</source>
        <translation>&amp;LSP:</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>&amp;Terlambat saja</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>In process (not closed)</source>
        <translation>Dalam proses (belum selesai)</translation>
    </message>
    <message>
        <source>All LSPs</source>
        <translation>Semua LSP</translation>
    </message>
    <message>
        <source>%1 (inactive)</source>
        <translation>%1 (nonaktif)</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n permohonan</numerusform>
        </translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>menghitung…</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Damaged blanks returned by an LSP</source>
        <translation>Blanko rusak dikembalikan LSP</translation>
    </message>
    <message>
        <source>&amp;Record return</source>
        <translation>&amp;Catat pengembalian</translation>
    </message>
    <message>
        <source>The LSP sends the damaged sheets with its replacement request and the minutes of damage. Record them on that request; it is then approved for as many sheets.</source>
        <translation>LSP mengirim lembar yang rusak bersama permohonan penggantian dan berita acara kerusakan. Catat lembar itu pada permohonan tersebut; permohonan itu lalu disetujui untuk jumlah lembar yang sama.</translation>
    </message>
    <message>
        <source>%1 returned so far</source>
        <translation>%1 sudah dikembalikan</translation>
    </message>
    <message>
        <source>No replacement request is open: record the LSP&apos;s replacement request (kind: replacement of damaged blanks) first.</source>
        <translation>Belum ada permohonan penggantian yang terbuka: catat dulu permohonan penggantian dari LSP (jenis: penggantian blanko rusak).</translation>
    </message>
    <message>
        <source>e.g. minutes of damage 12/LSP-X/XI/2026: wet in transit</source>
        <translation>mis. berita acara kerusakan 12/LSP-X/XI/2026: basah dalam pengiriman</translation>
    </message>
    <message>
        <source>Replacement &amp;request:</source>
        <translation>&amp;Permohonan penggantian:</translation>
    </message>
    <message>
        <source>Minutes of &amp;damage:</source>
        <translation>Berita acara &amp;kerusakan:</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Reverse a stock line</source>
        <translation>Batalkan catatan stok</translation>
    </message>
    <message>
        <source>&amp;Reverse…</source>
        <translation>&amp;Batalkan…</translation>
    </message>
    <message>
        <source>Line #%1: %2, %3 (%4), %5.</source>
        <translation>Catatan #%1: %2, %3 (%4), %5.</translation>
    </message>
    <message>
        <source>The line stays in the ledger; a reversing line moves the sheets back to where they were. Nothing is erased.</source>
        <translation>Catatan ini tetap ada di buku stok; catatan pembalik mengembalikan lembar-lembarnya ke tempat semula. Tidak ada yang dihapus.</translation>
    </message>
    <message>
        <source>Cancel everything issued to request #%1 (all its ranges)</source>
        <translation>Batalkan seluruh pengeluaran untuk permohonan #%1 (semua rentangnya)</translation>
    </message>
    <message>
        <source>Why: e.g. wrong bundle recorded</source>
        <translation>Alasan: mis. bundel yang dicatat keliru</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
    <message>
        <source>Cancel everything issued to request #%1? The sheets go back to the store.</source>
        <translation>Batalkan seluruh pengeluaran untuk permohonan #%1? Lembar-lembarnya kembali ke gudang.</translation>
    </message>
    <message>
        <source>Reverse line #%1 (%2)?</source>
        <translation>Batalkan catatan #%1 (%2)?</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Batalkan</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Open database server</source>
        <translation>Buka server basis data</translation>
    </message>
    <message>
        <source>The office&apos;s PostgreSQL server keeps one database for every officer. The server&apos;s administrator gives you these details.</source>
        <translation>Server PostgreSQL kantor menyimpan satu basis data untuk semua petugas. Rincian di bawah ini diberikan oleh pengelola server.</translation>
    </message>
    <message>
        <source>e.g. db.bnsp.local or 10.0.0.5</source>
        <translation>mis. db.bnsp.local atau 10.0.0.5</translation>
    </message>
    <message>
        <source>e.g. petugas</source>
        <translation>mis. petugas</translation>
    </message>
    <message>
        <source>&amp;Remember the password (in this computer&apos;s credential store)</source>
        <translation>&amp;Ingat kata sandi (di penyimpanan kredensial komputer ini)</translation>
    </message>
    <message>
        <source>off (disable)</source>
        <translation>mati (disable)</translation>
    </message>
    <message>
        <source>when the server offers it (prefer)</source>
        <translation>bila server menyediakannya (prefer)</translation>
    </message>
    <message>
        <source>required (require)</source>
        <translation>wajib (require)</translation>
    </message>
    <message>
        <source>required, server certificate checked (verify-full)</source>
        <translation>wajib, sertifikat server diperiksa (verify-full)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Basis data:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Pe&amp;ngguna:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>Secure connection (&amp;TLS):</source>
        <translation>Sambungan aman (&amp;TLS):</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Coba sambungan</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>B&amp;uka</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Menyambung ke %1…</translation>
    </message>
    <message>
        <source>Empty database</source>
        <translation>Basis data kosong</translation>
    </message>
    <message>
        <source>The database %1 is empty. Create the Blanko Desktop tables in it and start working there?</source>
        <translation>Basis data %1 masih kosong. Buat tabel Blanko Desktop di sana lalu mulai bekerja di sana?</translation>
    </message>
    <message>
        <source>&amp;Create and open</source>
        <translation>&amp;Buat dan buka</translation>
    </message>
    <message>
        <source>Password not remembered</source>
        <translation>Kata sandi tidak disimpan</translation>
    </message>
    <message>
        <source>This computer has no credential store: the password will be asked again next time.</source>
        <translation>Komputer ini tidak punya penyimpanan kredensial: kata sandi akan ditanyakan lagi lain kali.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Database and profile</source>
        <translation>Basis data dan pro&amp;fil</translation>
    </message>
    <message>
        <source>Si&amp;gnatories</source>
        <translation>Pe&amp;nandatangan</translation>
    </message>
    <message>
        <source>Office &amp;hours and courier</source>
        <translation>&amp;Jam kantor dan kurir</translation>
    </message>
    <message>
        <source>S&amp;tock and shipping</source>
        <translation>Stok dan pen&amp;giriman</translation>
    </message>
    <message>
        <source>Holidays and &amp;closures</source>
        <translation>&amp;Hari libur dan penutupan</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>Basis data &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>B&amp;uka basis data…</translation>
    </message>
    <message>
        <source>Open database se&amp;rver…</source>
        <translation>Buka se&amp;rver basis data…</translation>
    </message>
    <message>
        <source>&amp;Recent databases:</source>
        <translation>Basis data &amp;terakhir:</translation>
    </message>
    <message>
        <source>Open the &amp;selected one</source>
        <translation>Buka yang &amp;dipilih</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Komputer ini</translation>
    </message>
    <message>
        <source>Your name, as it appears in the history</source>
        <translation>Nama Anda, seperti tampil dalam riwayat</translation>
    </message>
    <message>
        <source>Officer &amp;profile name:</source>
        <translation>Nama &amp;profil petugas:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>B&amp;ahasa:</translation>
    </message>
    <message>
        <source>A new language takes effect when Blanko Desktop is started again.</source>
        <translation>Bahasa baru berlaku setelah Blanko Desktop dijalankan ulang.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Tambah…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>Office hours (the one-working-day limit counts only these)</source>
        <translation>Jam kantor (batas satu hari kerja hanya dihitung pada jam ini)</translation>
    </message>
    <message>
        <source>&amp;Opens at:</source>
        <translation>&amp;Buka pukul:</translation>
    </message>
    <message>
        <source>Courier pickup days (skipped when the office is closed)</source>
        <translation>Hari penjemputan kurir (dilewati bila kantor tutup)</translation>
    </message>
    <message>
        <source>These settings are shared by everyone who uses this database. When you save, the due times of requests whose clock runs are computed again.</source>
        <translation>Pengaturan ini berlaku bagi semua yang memakai basis data ini. Saat disimpan, batas waktu permohonan yang waktunya sedang berjalan dihitung ulang.</translation>
    </message>
    <message>
        <source>Serial numbers of the blanks</source>
        <translation>Nomor seri blanko</translation>
    </message>
    <message>
        <source>letters, e.g. KB</source>
        <translation>huruf, misalnya KB</translation>
    </message>
    <message>
        <source>Serial number &amp;prefix:</source>
        <translation>&amp;Awalan nomor seri:</translation>
    </message>
    <message>
        <source>N&amp;umber of digits:</source>
        <translation>Ju&amp;mlah digit:</translation>
    </message>
    <message>
        <source>As printed on the sheets. The prefix cannot change while the stock ledger holds serials, and the digits must fit the largest serial on record.</source>
        <translation>Sesuai yang tercetak pada lembar blanko. Awalan tidak dapat diubah selama buku stok mencatat nomor seri, dan jumlah digit harus cukup untuk nomor seri terbesar yang tercatat.</translation>
    </message>
    <message>
        <source>Low-stock warning</source>
        <translation>Peringatan stok menipis</translation>
    </message>
    <message>
        <source>&amp;Warn when the stock lasts less than:</source>
        <translation>Peringatan &amp;bila stok cukup untuk kurang dari:</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Pengiriman</translation>
    </message>
    <message>
        <source>Chase missing &amp;receipts after:</source>
        <translation>&amp;Ingatkan tanda terima belum kembali setelah:</translation>
    </message>
    <message>
        <source>none: typed at each hand-over</source>
        <translation>tidak ada: diketik setiap serah terima</translation>
    </message>
    <message>
        <source>Default c&amp;ourier:</source>
        <translation>&amp;Kurir bawaan:</translation>
    </message>
    <message>
        <source>These settings are shared by everyone who uses this database; every change is kept in the history.</source>
        <translation>Pengaturan ini berlaku bagi semua yang memakai basis data ini; setiap perubahan tercatat dalam riwayat.</translation>
    </message>
    <message>
        <source>&amp;Save stock and shipping settings</source>
        <translation>&amp;Simpan pengaturan stok dan pengiriman</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Tahun:</translation>
    </message>
    <message>
        <source>Suggest cuti &amp;bersama…</source>
        <translation>Usulan cuti &amp;bersama…</translation>
    </message>
    <message>
        <source>National holidays</source>
        <translation>Hari libur nasional</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Hari libur</translation>
    </message>
    <message>
        <source>Cuti bersama and office closures</source>
        <translation>Cuti bersama dan kantor tutup</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Stock and shipping</source>
        <translation>Stok dan pengiriman</translation>
    </message>
    <message>
        <source>The stock and shipping settings were changed but not saved. Save them now?</source>
        <translation>Pengaturan stok dan pengiriman diubah tetapi belum disimpan. Simpan sekarang?</translation>
    </message>
    <message>
        <source>Defa&amp;ult printer:</source>
        <translation>P&amp;rinter bawaan:</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>C&amp;loses at:</source>
        <translation>&amp;Tutup pukul:</translation>
    </message>
    <message>
        <source>weeks (at the pace of the last 90 days)</source>
        <translation>minggu (laju pengeluaran 90 hari terakhir)</translation>
    </message>
    <message>
        <source>working days after the LSP received the parcel</source>
        <translation>hari kerja sejak paket diterima LSP</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Ta&amp;mbah</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ha&amp;pus</translation>
    </message>
    <message>
        <source>Server (PostgreSQL)</source>
        <translation>Server (PostgreSQL)</translation>
    </message>
    <message>
        <source>Shared mode (network)</source>
        <translation>Mode bersama (jaringan)</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>(the system&apos;s default printer)</source>
        <translation>(printer bawaan sistem)</translation>
    </message>
    <message>
        <source>%1 (not available now)</source>
        <translation>%1 (saat ini tidak tersedia)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>(time zone %1)</source>
        <translation>(zona waktu %1)</translation>
    </message>
    <message>
        <source>Remove closure</source>
        <translation>Hapus hari tutup</translation>
    </message>
    <message>
        <source>Make %1 a working day again?</source>
        <translation>Jadikan %1 hari kerja lagi?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Suggested collective leave</source>
        <translation>Usulan cuti bersama</translation>
    </message>
    <message>
        <source>No further cuti bersama days are known for %1.</source>
        <translation>Tidak ada lagi hari cuti bersama yang diketahui untuk tahun %1.</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Jam kantor</translation>
    </message>
    <message>
        <source>Tick at least one office day.</source>
        <translation>Centang paling sedikit satu hari kerja.</translation>
    </message>
    <message>
        <source>The closing time must be after the opening time.</source>
        <translation>Jam tutup harus setelah jam buka.</translation>
    </message>
    <message>
        <source>Courier pickup days</source>
        <translation>Hari penjemputan kurir</translation>
    </message>
    <message>
        <source>Tick at least one pickup day on which the office is open.</source>
        <translation>Centang paling sedikit satu hari penjemputan pada hari kantor buka.</translation>
    </message>
    <message>
        <source>Changes are saved as you make them.</source>
        <translation>Perubahan langsung disimpan.</translation>
    </message>
    <message>
        <source>&amp;Save office hours and pickup days</source>
        <translation>&amp;Simpan jam kantor dan hari kurir</translation>
    </message>
    <message>
        <source>Cuti bersama is decreed each year; enter the days that apply.</source>
        <translation>Cuti bersama ditetapkan setiap tahun; masukkan hari-hari yang berlaku.</translation>
    </message>
    <message>
        <source>printed as %1</source>
        <translation>dicetak sebagai %1</translation>
    </message>
    <message>
        <source>The office hours or pickup days were changed but not saved. Save them now (the due times are computed again)?</source>
        <translation>Jam kantor atau hari penjemputan kurir diubah tetapi belum disimpan. Simpan sekarang (batas waktu dihitung ulang)?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>The echelon-4 officials who sign the approval sheet and the receipt.</source>
        <translation>Pejabat eselon IV yang menandatangani lembar persetujuan dan tanda terima.</translation>
    </message>
</context>
<context>
    <name>ShippingTab</name>
    <message>
        <source>Courier&apos;s name</source>
        <translation>Nama kurir</translation>
    </message>
    <message>
        <source>Print manifest &amp;&amp; &amp;hand over</source>
        <translation>Cetak daftar &amp;&amp; &amp;serahkan ke kurir</translation>
    </message>
    <message>
        <source>Next courier pickup</source>
        <translation>Penjemputan kurir berikutnya</translation>
    </message>
    <message>
        <source>Courier:</source>
        <translation>Kurir:</translation>
    </message>
    <message>
        <source>Needs action</source>
        <translation>Perlu tindakan</translation>
    </message>
    <message>
        <source>All parcels</source>
        <translation>Semua paket</translation>
    </message>
    <message>
        <source>&amp;Attach returned receipt…</source>
        <translation>&amp;Lampirkan tanda terima kembali…</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Permohonan</translation>
    </message>
    <message>
        <source>LSP</source>
        <translation>LSP</translation>
    </message>
    <message>
        <source>Blanks</source>
        <translation>Blanko</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>No. resi</translation>
    </message>
    <message>
        <source>Receipts back</source>
        <translation>Tanda terima kembali</translation>
    </message>
    <message>
        <source>Drop returned receipts (scans or the LSP&apos;s e-mail) anywhere on this tab.</source>
        <translation>Jatuhkan tanda terima yang kembali (pindaian atau e-mail dari LSP) di mana saja pada tab ini.</translation>
    </message>
    <message>
        <source>Select an approved request to pack it, or a parcel to follow it.</source>
        <translation>Pilih permohonan yang disetujui untuk dikemas, atau paket untuk diikuti.</translation>
    </message>
    <message>
        <source>I have checked the address on the label</source>
        <translation>Saya sudah memastikan alamat pada label</translation>
    </message>
    <message>
        <source>Print &amp;receipt</source>
        <translation>Cetak &amp;tanda terima</translation>
    </message>
    <message>
        <source>Print &amp;label</source>
        <translation>Cetak &amp;label</translation>
    </message>
    <message>
        <source>&amp;Packed</source>
        <translation>Sudah &amp;dikemas</translation>
    </message>
    <message>
        <source>Address on the label:</source>
        <translation>Alamat pada label:</translation>
    </message>
    <message>
        <source>Type or scan the tracking number, then Enter</source>
        <translation>Ketik atau pindai nomor resi, lalu Enter</translation>
    </message>
    <message>
        <source>&amp;Delivered</source>
        <translation>&amp;Diterima LSP</translation>
    </message>
    <message>
        <source>Write shipping &amp;notice…</source>
        <translation>Tulis &amp;pemberitahuan pengiriman…</translation>
    </message>
    <message>
        <source>Came &amp;back…</source>
        <translation>Paket &amp;kembali…</translation>
    </message>
    <message>
        <source>&amp;Lost…</source>
        <translation>Paket &amp;hilang…</translation>
    </message>
    <message>
        <source>&amp;Send again</source>
        <translation>Kirim &amp;ulang</translation>
    </message>
    <message>
        <source>&amp;Reverse the issue…</source>
        <translation>&amp;Batalkan pengeluaran blanko…</translation>
    </message>
    <message>
        <source>&amp;Tracking number:</source>
        <translation>&amp;Nomor resi:</translation>
    </message>
    <message>
        <source>%1: %2 parcel(s) waiting</source>
        <translation>%1: %2 paket menunggu</translation>
    </message>
    <message>
        <source>Approved: to pack</source>
        <translation>Disetujui: siap dikemas</translation>
    </message>
    <message>
        <source>Approved: receipt to print</source>
        <translation>Disetujui: tanda terima belum dicetak</translation>
    </message>
    <message>
        <source>Approved: blanks to issue</source>
        <translation>Disetujui: blanko belum dikeluarkan</translation>
    </message>
    <message>
        <source>courier</source>
        <translation>kurir</translation>
    </message>
    <message>
        <source>&lt;b&gt;Request #%1&lt;/b&gt; — %2, %3 blanks</source>
        <translation>&lt;b&gt;Permohonan #%1&lt;/b&gt; — %2, %3 lembar</translation>
    </message>
    <message>
        <source>Printed on %1.</source>
        <translation>Dicetak di %1.</translation>
    </message>
    <message>
        <source>No printer: save the form as PDF</source>
        <translation>Tidak ada printer: simpan formulir sebagai PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1: print it from there.</source>
        <translation>Disimpan sebagai %1: cetak dari sana.</translation>
    </message>
    <message>
        <source>Request #%1 is packed: it goes with the next courier pickup.</source>
        <translation>Permohonan #%1 sudah dikemas: ikut penjemputan kurir berikutnya.</translation>
    </message>
    <message>
        <source>Courier</source>
        <translation>Kurir</translation>
    </message>
    <message>
        <source>Type the name of the courier who picks the parcels up.</source>
        <translation>Ketik nama kurir yang menjemput paket.</translation>
    </message>
    <message>
        <source>Handed over to %1.</source>
        <translation>Diserahkan ke %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Request #%1&lt;/b&gt; — %2</source>
        <translation>&lt;b&gt;Permohonan #%1&lt;/b&gt; — %2</translation>
    </message>
    <message>
        <source>%1 blanks: %2</source>
        <translation>%1 lembar: %2</translation>
    </message>
    <message>
        <source>Receipt %1 · packed %2</source>
        <translation>Tanda terima %1 · dikemas %2</translation>
    </message>
    <message>
        <source>Courier %1 · %2</source>
        <translation>Kurir %1 · %2</translation>
    </message>
    <message>
        <source>courier&apos;s receipt ✓</source>
        <translation>tanda terima kurir ✓</translation>
    </message>
    <message>
        <source>courier&apos;s receipt —</source>
        <translation>tanda terima kurir —</translation>
    </message>
    <message>
        <source>LSP&apos;s signed receipt ✓</source>
        <translation>tanda terima LSP ✓</translation>
    </message>
    <message>
        <source>LSP&apos;s signed receipt —</source>
        <translation>tanda terima LSP —</translation>
    </message>
    <message>
        <source>Tracking number %1 saved.</source>
        <translation>Nomor resi %1 disimpan.</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>Paket</translation>
    </message>
    <message>
        <source>What did the courier say?</source>
        <translation>Apa keterangan kurir?</translation>
    </message>
    <message>
        <source>Reverse the issue</source>
        <translation>Batalkan pengeluaran blanko</translation>
    </message>
    <message>
        <source>Why are the blanks taken back?</source>
        <translation>Mengapa blanko ditarik kembali?</translation>
    </message>
    <message>
        <source>The shipping notice is open in the mail program.</source>
        <translation>Pemberitahuan pengiriman terbuka di program e-mail.</translation>
    </message>
    <message>
        <source>The shipping notice draft is saved at %1.</source>
        <translation>Draf pemberitahuan pengiriman disimpan di %1.</translation>
    </message>
    <message>
        <source>Returned receipts</source>
        <translation>Tanda terima kembali</translation>
    </message>
    <message>
        <source>Scans and e-mails (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.eml *.msg)</source>
        <translation>Pindaian dan e-mail (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.eml *.msg)</translation>
    </message>
    <message>
        <source>Reading the receipts…</source>
        <translation>Membaca tanda terima…</translation>
    </message>
    <message>
        <source>No scan found.</source>
        <translation>Tidak ada pindaian.</translation>
    </message>
    <message>
        <source>%1: request #%2 now %3</source>
        <translation>%1: permohonan #%2 kini %3</translation>
    </message>
</context>
<context>
    <name>SignatoryDialog</name>
    <message>
        <source>Signatory</source>
        <translation>Pejabat penandatangan</translation>
    </message>
    <message>
        <source>18 digits</source>
        <translation>18 digit</translation>
    </message>
    <message>
        <source>e.g. Kepala Subbagian Sertifikasi</source>
        <translation>mis. Kepala Subbagian Sertifikasi</translation>
    </message>
    <message>
        <source>&amp;Active (offered on new forms)</source>
        <translation>&amp;Aktif (ditawarkan pada formulir baru)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>NI&amp;P:</source>
        <translation>NI&amp;P:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Jabatan:</translation>
    </message>
</context>
<context>
    <name>SlotsPanel</name>
    <message>
        <source>Your tasks (not the LSP&apos;s)</source>
        <translation>Tugas Anda (bukan untuk LSP)</translation>
    </message>
    <message>
        <source>Required documents</source>
        <translation>Dokumen wajib</translation>
    </message>
    <message>
        <source>Drag a document here to make it this kind of document.</source>
        <translation>Seret dokumen ke sini untuk menjadikannya jenis dokumen ini.</translation>
    </message>
</context>
<context>
    <name>SpoilDialog</name>
    <message>
        <source>Record spoiled blanks</source>
        <translation>Catat blanko rusak</translation>
    </message>
    <message>
        <source>&amp;Record spoiled</source>
        <translation>&amp;Catat rusak</translation>
    </message>
    <message>
        <source>Sheets spoiled here are never issued. Scan or type each sheet or range.</source>
        <translation>Lembar yang rusak di kantor tidak akan pernah dikeluarkan. Pindai atau ketik setiap lembar atau rentang.</translation>
    </message>
    <message>
        <source>e.g. printer test, paper jam</source>
        <translation>mis. uji cetak printer, kertas macet</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Alasan:</translation>
    </message>
</context>
<context>
    <name>State</name>
    <message>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Waiting on LSP</source>
        <translation>Menunggu LSP</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Terverifikasi</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>Dikemas</translation>
    </message>
    <message>
        <source>Handed to courier</source>
        <translation>Diserahkan ke kurir</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
</context>
<context>
    <name>StockLabels</name>
    <message>
        <source>Received from the printer</source>
        <translation>Diterima dari percetakan</translation>
    </message>
    <message>
        <source>Issued to an LSP</source>
        <translation>Dikeluarkan ke LSP</translation>
    </message>
    <message>
        <source>Spoiled in the office</source>
        <translation>Rusak di kantor</translation>
    </message>
    <message>
        <source>Returned damaged by an LSP</source>
        <translation>Dikembalikan rusak oleh LSP</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Pembatalan (jurnal balik)</translation>
    </message>
    <message>
        <source>Stock count adjustment</source>
        <translation>Penyesuaian stock opname</translation>
    </message>
    <message>
        <source>never received</source>
        <translation>belum pernah diterima</translation>
    </message>
    <message>
        <source>available in the store</source>
        <translation>tersedia di gudang</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>dikeluarkan</translation>
    </message>
    <message>
        <source>spoiled in the office</source>
        <translation>rusak di kantor</translation>
    </message>
    <message>
        <source>returned damaged by the LSP</source>
        <translation>dikembalikan rusak oleh LSP</translation>
    </message>
    <message>
        <source>missing (stock count difference)</source>
        <translation>hilang (selisih stock opname)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sheet(s)</source>
        <translation>
            <numerusform>%Ln lembar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StockTab</name>
    <message>
        <source>Available</source>
        <translation>Tersedia</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Dikeluarkan</translation>
    </message>
    <message>
        <source>Spoiled in the office</source>
        <translation>Rusak di kantor</translation>
    </message>
    <message>
        <source>Returned damaged</source>
        <translation>Dikembalikan rusak</translation>
    </message>
    <message>
        <source>Missing (count)</source>
        <translation>Hilang (opname)</translation>
    </message>
    <message>
        <source>Balance at the end of:</source>
        <translation>Saldo pada akhir tanggal:</translation>
    </message>
    <message>
        <source>&amp;Receive from printer…</source>
        <translation>&amp;Terima dari percetakan…</translation>
    </message>
    <message>
        <source>&amp;Issue blanks…</source>
        <translation>&amp;Keluarkan blanko…</translation>
    </message>
    <message>
        <source>Record s&amp;poiled…</source>
        <translation>Catat &amp;rusak…</translation>
    </message>
    <message>
        <source>Damaged re&amp;turn from LSP…</source>
        <translation>&amp;Pengembalian rusak dari LSP…</translation>
    </message>
    <message>
        <source>Re&amp;verse line…</source>
        <translation>&amp;Batalkan catatan…</translation>
    </message>
    <message>
        <source>Stock &amp;count…</source>
        <translation>Stock &amp;opname…</translation>
    </message>
    <message>
        <source>Select a line in the ledger to reverse it.</source>
        <translation>Pilih catatan di buku stok untuk membatalkannya.</translation>
    </message>
    <message>
        <source>Available ranges</source>
        <translation>Rentang tersedia</translation>
    </message>
    <message>
        <source>LSP</source>
        <translation>LSP</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Lembar</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Double-click (or Enter) to open the count, settle it or print its report.</source>
        <translation>Klik dua kali (atau Enter) untuk membuka stock opname, menyelesaikan selisihnya, atau mencetak berita acaranya.</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Sekarang: %1</translation>
    </message>
    <message>
        <source>type or scan, then Enter</source>
        <translation>ketik atau pindai, lalu Enter</translation>
    </message>
    <message>
        <source>Where is &amp;serial:</source>
        <translation>Di mana nomor &amp;seri:</translation>
    </message>
    <message>
        <source>Per LSP</source>
        <translation>Per LSP</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Per bulan</translation>
    </message>
    <message>
        <source>Stock counts</source>
        <translation>Stock opname</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Semua jenis</translation>
    </message>
    <message>
        <source>Request #</source>
        <translation>Permohonan #</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Nomor seri</translation>
    </message>
    <message>
        <source>Stock ledger</source>
        <translation>Buku stok</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>Kosongkan saringan</translation>
    </message>
    <message>
        <source>From: —</source>
        <translation>Dari: —</translation>
    </message>
    <message>
        <source>To: —</source>
        <translation>Sampai: —</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>— : any date</source>
        <translation>— : semua tanggal</translation>
    </message>
    <message>
        <source>All LSPs</source>
        <translation>Semua LSP</translation>
    </message>
    <message>
        <source>(figures at the end of %1)</source>
        <translation>(angka pada akhir %1)</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more range(s)</source>
        <translation>
            <numerusform>… dan %n rentang lagi</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing in the store.</source>
        <translation>Gudang kosong.</translation>
    </message>
    <message>
        <source>No blanks issued in the last 90 days: no pace to measure the stock against.</source>
        <translation>Tidak ada blanko yang dikeluarkan dalam 90 hari terakhir: belum ada laju pemakaian untuk mengukur stok.</translation>
    </message>
    <message>
        <source>%1 last for about %2 weeks at the last 90 days&apos; pace (%3 a week).</source>
        <translation>%1 cukup untuk sekitar %2 minggu pada laju 90 hari terakhir (%3 per minggu).</translation>
    </message>
    <message>
        <source>Low stock: </source>
        <translation>Stok menipis: </translation>
    </message>
    <message numerus="yes">
        <source>Order blanks from the printer now (the warning starts below %n week(s)).</source>
        <translation>
            <numerusform>Pesan blanko ke percetakan sekarang (peringatan mulai di bawah %n minggu).</numerusform>
        </translation>
    </message>
    <message>
        <source>settled</source>
        <translation>diselesaikan</translation>
    </message>
    <message>
        <source>difference open</source>
        <translation>selisih terbuka</translation>
    </message>
    <message>
        <source>agrees</source>
        <translation>sesuai</translation>
    </message>
    <message>
        <source>Reading the ledger…</source>
        <translation>Membaca buku stok…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n line(s) shown</source>
        <translation>
            <numerusform>%1 dari %n catatan ditampilkan</numerusform>
        </translation>
    </message>
    <message>
        <source>request #%1</source>
        <translation>permohonan #%1</translation>
    </message>
    <message>
        <source>in the range %1</source>
        <translation>dalam rentang %1</translation>
    </message>
    <message>
        <source>issued in place of damaged %1</source>
        <translation>dikeluarkan sebagai pengganti %1 yang rusak</translation>
    </message>
    <message>
        <source>replaced by %1</source>
        <translation>diganti dengan %1</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) in the ledger.</source>
        <translation>
            <numerusform>%n catatan di buku stok.</numerusform>
        </translation>
    </message>
    <message>
        <source>Blanks received into the store.</source>
        <translation>Blanko diterima di gudang.</translation>
    </message>
    <message>
        <source>Issued to request #%1: %2</source>
        <translation>Dikeluarkan untuk permohonan #%1: %2</translation>
    </message>
    <message>
        <source>Spoiled sheets recorded.</source>
        <translation>Lembar rusak dicatat.</translation>
    </message>
    <message>
        <source>Returned damaged sheets recorded.</source>
        <translation>Lembar rusak yang dikembalikan dicatat.</translation>
    </message>
    <message>
        <source>Line #%1 reversed.</source>
        <translation>Catatan #%1 dibatalkan.</translation>
    </message>
</context>
<context>
    <name>StoredFile</name>
    <message>
        <source>File missing</source>
        <translation>Berkas hilang</translation>
    </message>
    <message>
        <source>The stored file is missing. Run the database check.</source>
        <translation>Berkas yang tersimpan tidak ditemukan. Jalankan pemeriksaan basis data.</translation>
    </message>
</context>
<context>
    <name>SuggestedClosuresDialog</name>
    <message>
        <source>Suggested collective leave %1</source>
        <translation>Usulan cuti bersama %1</translation>
    </message>
    <message>
        <source>These days are known as cuti bersama for %1. Check them against this year&apos;s decree and tick the ones that apply.</source>
        <translation>Hari-hari berikut dikenal sebagai cuti bersama tahun %1. Cocokkan dengan SKB tahun ini dan centang yang berlaku.</translation>
    </message>
    <message>
        <source>Add the ticked days</source>
        <translation>Tambahkan hari yang dicentang</translation>
    </message>
</context>
<context>
    <name>TodayTab</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Permohonan</translation>
    </message>
    <message>
        <source>LSP</source>
        <translation>LSP</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>The day could not be read: %1</source>
        <translation>Data hari ini tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hari ini, %1</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>jatuh tempo hari ini</translation>
    </message>
    <message>
        <source>waiting on an LSP</source>
        <translation>menunggu LSP</translation>
    </message>
    <message>
        <source>parcels for the courier on %1</source>
        <translation>paket untuk kurir %1</translation>
    </message>
    <message>
        <source>receipts missing</source>
        <translation>tanda terima belum kembali</translation>
    </message>
    <message>
        <source>receipts missing (&gt; %1 working days)</source>
        <translation>tanda terima belum kembali (&gt; %1 hari kerja)</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>sejak %1</translation>
    </message>
    <message>
        <source>(LSP not set)</source>
        <translation>(LSP belum ditentukan)</translation>
    </message>
    <message>
        <source>%1 blanks, tracking number %2</source>
        <translation>%1 lembar, resi %2</translation>
    </message>
    <message>
        <source>courier&apos;s</source>
        <translation>kurir</translation>
    </message>
    <message>
        <source>LSP&apos;s</source>
        <translation>LSP</translation>
    </message>
    <message>
        <source>%1 working days</source>
        <translation>%1 hari kerja</translation>
    </message>
    <message>
        <source>missing: %1</source>
        <translation>belum kembali: %1</translation>
    </message>
    <message>
        <source>no submissions handled yet</source>
        <translation>belum ada permohonan yang ditangani</translation>
    </message>
    <message>
        <source>SLA compliance (handled within 1 working day): %1</source>
        <translation>Kepatuhan SLA (ditangani dalam 1 hari kerja): %1</translation>
    </message>
</context>
<context>
    <name>Transition</name>
    <message>
        <source>New documents arrived</source>
        <translation>Dokumen baru diterima</translation>
    </message>
    <message>
        <source>Back to received</source>
        <translation>Kembali ke diterima</translation>
    </message>
    <message>
        <source>Incomplete: ask the LSP to complete</source>
        <translation>Belum lengkap: minta LSP melengkapi</translation>
    </message>
    <message>
        <source>Complete: mark verified</source>
        <translation>Lengkap: tandai terverifikasi</translation>
    </message>
    <message>
        <source>Approved by the echelon-4 official</source>
        <translation>Disetujui pejabat eselon IV</translation>
    </message>
    <message>
        <source>Mark packed</source>
        <translation>Tandai sudah dikemas</translation>
    </message>
    <message>
        <source>Handed to the courier</source>
        <translation>Sudah diserahkan ke kurir</translation>
    </message>
    <message>
        <source>First receipt back</source>
        <translation>Tanda terima pertama kembali</translation>
    </message>
    <message>
        <source>Both receipts back: close</source>
        <translation>Kedua tanda terima kembali: selesai</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>Batalkan permohonan…</translation>
    </message>
</context>
<context>
    <name>VerificationTab</name>
    <message>
        <source>&amp;Request:</source>
        <translation>&amp;Permohonan:</translation>
    </message>
    <message>
        <source>Checking the documents…</source>
        <translation>Memeriksa dokumen…</translation>
    </message>
    <message>
        <source>Complete — on to approval</source>
        <translation>Lengkap — lanjut ke persetujuan</translation>
    </message>
    <message>
        <source>Send completion request…</source>
        <translation>Kirim permintaan kelengkapan…</translation>
    </message>
    <message>
        <source>Choose a request above, or select one in Incoming requests, to check its documents. Dropped e-mails and files open here once received.</source>
        <translation>Pilih permohonan di atas, atau di tab Permohonan Masuk, untuk memeriksa dokumennya. E-mail dan berkas yang diseret ke jendela terbuka di sini setelah diterima.</translation>
    </message>
    <message>
        <source>— choose a request —</source>
        <translation>— pilih permohonan —</translation>
    </message>
    <message>
        <source>Request #%1 — %2</source>
        <translation>Permohonan #%1 — %2</translation>
    </message>
    <message>
        <source>(unknown sender)</source>
        <translation>(pengirim tidak dikenal)</translation>
    </message>
    <message>
        <source>received %1</source>
        <translation>diterima %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>batas waktu %1</translation>
    </message>
    <message>
        <source>clock stopped</source>
        <translation>waktu dihentikan</translation>
    </message>
    <message>
        <source>letter %1</source>
        <translation>surat %1</translation>
    </message>
    <message>
        <source>This request is %1: the check is shown for reference.</source>
        <translation>Permohonan ini berstatus %1: hasil pemeriksaan ditampilkan sebagai rujukan.</translation>
    </message>
    <message>
        <source>Complete: all four documents are in order and the numbers agree.</source>
        <translation>Lengkap: keempat dokumen sesuai dan jumlahnya cocok.</translation>
    </message>
    <message numerus="yes">
        <source>Incomplete: %n point(s) to settle with the LSP.</source>
        <translation>
            <numerusform>Belum lengkap: %n hal perlu dilengkapi LSP.</numerusform>
        </translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>Belum ada dokumen.</translation>
    </message>
    <message>
        <source>The request is %1.</source>
        <translation>Permohonan berstatus %1.</translation>
    </message>
    <message>
        <source>New documents from the LSP put it back in the queue.</source>
        <translation>Dokumen baru dari LSP mengembalikannya ke antrean.</translation>
    </message>
    <message>
        <source>Not yet possible:</source>
        <translation>Belum dapat diverifikasi:</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… dan %n lainnya</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark the request verified; it then goes to the echelon-4 official for approval.</source>
        <translation>Tandai permohonan terverifikasi; selanjutnya diajukan ke pejabat eselon IV untuk disetujui.</translation>
    </message>
    <message>
        <source>Write the e-mail to the LSP listing exactly what is missing or wrong.</source>
        <translation>Tulis e-mail ke LSP yang merinci dengan tepat apa yang kurang atau salah.</translation>
    </message>
    <message>
        <source>Nothing to ask the LSP for.</source>
        <translation>Tidak ada yang perlu diminta dari LSP.</translation>
    </message>
    <message>
        <source>Select a document to preview it here.</source>
        <translation>Pilih dokumen untuk melihat pratinjaunya di sini.</translation>
    </message>
    <message>
        <source>The stored file is missing. Run the database check.</source>
        <translation>Berkas yang tersimpan tidak ditemukan. Jalankan pemeriksaan basis data.</translation>
    </message>
    <message>
        <source>No preview for this file (%1). Use “Open with the default program”.</source>
        <translation>Pratinjau tidak tersedia untuk berkas ini (%1). Gunakan “Buka dengan program bawaan”.</translation>
    </message>
    <message>
        <source>Reading the participant list…</source>
        <translation>Membaca daftar peserta…</translation>
    </message>
    <message>
        <source>No participant rows could be read from this file.</source>
        <translation>Tidak ada baris peserta yang dapat dibaca dari berkas ini.</translation>
    </message>
    <message>
        <source>Change kind</source>
        <translation>Ubah jenis</translation>
    </message>
    <message>
        <source>Open with the default program</source>
        <translation>Buka dengan program bawaan</translation>
    </message>
    <message>
        <source>No program could open %1. The copy is at %2.</source>
        <translation>Tidak ada program yang dapat membuka %1. Salinannya ada di %2.</translation>
    </message>
    <message>
        <source>%1 is now: %2</source>
        <translation>%1 kini: %2</translation>
    </message>
    <message>
        <source>Request #%1 is verified: on to the echelon-4 official&apos;s approval.</source>
        <translation>Permohonan #%1 terverifikasi: lanjut ke persetujuan pejabat eselon IV.</translation>
    </message>
    <message>
        <source>The completion request for request #%1 is open in the mail program; the request now waits for the LSP.</source>
        <translation>Permintaan kelengkapan untuk permohonan #%1 terbuka di program e-mail; permohonan kini menunggu LSP.</translation>
    </message>
    <message numerus="yes">
        <source>And %n task(s) of yours.</source>
        <translation>
            <numerusform>Dan %n tugas Anda.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your turn: %n task(s) before the request can go on.</source>
        <translation>
            <numerusform>Giliran Anda: %n tugas sebelum permohonan dapat dilanjutkan.</numerusform>
        </translation>
    </message>
    <message>
        <source>The request waits for the LSP.</source>
        <translation>Permohonan menunggu LSP.</translation>
    </message>
    <message>
        <source>The completion request was handed to the mail program on %1; the request waits for the LSP.</source>
        <translation>Permintaan kelengkapan diserahkan ke program e-mail pada %1; permohonan menunggu LSP.</translation>
    </message>
    <message>
        <source>The completion request was confirmed sent on %1; the request waits for the LSP.</source>
        <translation>Permintaan kelengkapan dinyatakan terkirim pada %1; permohonan menunggu LSP.</translation>
    </message>
    <message>
        <source>Completion request drafted on %1 for %2 (text copied), not yet confirmed sent: the request stays in the queue and its clock runs. Once the e-mail has left, click “It has been sent”.</source>
        <translation>Draf permintaan kelengkapan dibuat pada %1 untuk %2 (teks disalin), belum dinyatakan terkirim: permohonan tetap di antrean dan batas waktunya berjalan. Setelah e-mailnya terkirim, klik “Sudah dikirim”.</translation>
    </message>
    <message>
        <source>Set the LSP first: its reply is matched to this request through the LSP.</source>
        <translation>Tetapkan LSP dulu: balasan LSP dicocokkan ke permohonan ini lewat LSP-nya.</translation>
    </message>
    <message>
        <source>Registered. Click “Set LSP” to attach this request to it.</source>
        <translation>Sudah terdaftar. Klik “Tetapkan LSP” untuk menetapkan permohonan ini ke LSP tersebut.</translation>
    </message>
    <message>
        <source>Next: request #%1.</source>
        <translation>Berikutnya: permohonan #%1.</translation>
    </message>
    <message>
        <source>No other request waits for the check.</source>
        <translation>Tidak ada lagi permohonan yang menunggu pemeriksaan.</translation>
    </message>
    <message>
        <source>The text is on the clipboard: paste it into an e-mail to %1. Once it has been sent, click “It has been sent”.</source>
        <translation>Teksnya sudah disalin ke papan klip: tempelkan ke e-mail untuk %1. Setelah terkirim, klik “Sudah dikirim”.</translation>
    </message>
    <message>
        <source>No mail program could open the draft. Its text is on the clipboard: paste it into an e-mail to %1, then click “It has been sent”. The draft is saved at %2.</source>
        <translation>Tidak ada program e-mail yang dapat membuka draf. Teksnya sudah disalin ke papan klip: tempelkan ke e-mail untuk %1, lalu klik “Sudah dikirim”. Draf tersimpan di %2.</translation>
    </message>
    <message>
        <source>The completion request for request #%1 is recorded as sent; the request now waits for the LSP.</source>
        <translation>Permintaan kelengkapan permohonan #%1 tercatat terkirim; permohonan kini menunggu LSP.</translation>
    </message>
    <message>
        <source>The text is on the clipboard again.</source>
        <translation>Teksnya sudah disalin lagi ke papan klip.</translation>
    </message>
</context>
</TS>
