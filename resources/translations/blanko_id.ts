<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AcceptFindingDialog</name>
    <message>
        <source>Accept finding</source>
        <translation>Terima temuan</translation>
    </message>
    <message>
        <source>, row %1</source>
        <translation>, baris %1</translation>
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
        <source>Due time computed again</source>
        <translation>Tenggat dihitung ulang</translation>
    </message>
    <message>
        <source>Document added</source>
        <translation>Dokumen ditambahkan</translation>
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
    <message>
        <source>State changed</source>
        <translation>Status diubah</translation>
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
        <source>This e-mail tells the LSP exactly what is missing or wrong. It is saved as a draft and opened in your mail program; the request then waits for the LSP and its one-working-day clock stops.</source>
        <translation>E-mail ini memberi tahu LSP dengan tepat apa yang kurang atau salah. E-mail disimpan sebagai draf dan dibuka di program e-mail Anda; permohonan lalu menunggu LSP dan hitungan satu hari kerja dihentikan.</translation>
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
        <source>No address is known for this LSP: fill in the recipient in the mail program.</source>
        <translation>Alamat e-mail LSP ini belum diketahui: isi penerimanya di program e-mail.</translation>
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
        <source>For mail in a web browser: the draft is saved and the request waits for the LSP; paste the text into a new e-mail.</source>
        <translation>Untuk e-mail di peramban: draf disimpan dan permohonan menunggu LSP; tempelkan teksnya ke e-mail baru.</translation>
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
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>&amp;Licence no.:</source>
        <translation>No. &amp;lisensi:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>Ala&amp;mat:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Kota:</translation>
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
    <message>
        <source>Import from Excel</source>
        <translation>Impor dari Excel</translation>
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
        <source>Read again from the database: %1.</source>
        <translation>Dimuat ulang dari basis data: %1.</translation>
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
        <source>read-only</source>
        <translation>hanya baca</translation>
    </message>
    <message>
        <source>The database is read-only: you can look at everything, but no change can be saved (permissions of the file or its folder). Ask for write access, or open another file.</source>
        <translation>Basis data hanya dapat dibaca: semua data dapat dilihat, tetapi tidak ada perubahan yang dapat disimpan (hak akses berkas atau foldernya). Minta hak tulis, atau buka berkas lain.</translation>
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
        <source>Every change you make is recorded in the history with your name. What is your name as officer?</source>
        <translation>Setiap perubahan yang Anda lakukan dicatat dalam riwayat beserta nama Anda. Siapa nama Anda sebagai petugas?</translation>
    </message>
    <message>
        <source>Officer &amp;name:</source>
        <translation>&amp;Nama petugas:</translation>
    </message>
    <message>
        <source>You can change it later in Data ▸ Settings.</source>
        <translation>Nama dapat diubah kemudian di Data ▸ Pengaturan.</translation>
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
        <source>From the table: Enter comes here, Tab moves on, Enter presses the button, Esc goes back to the table.</source>
        <translation>Dari tabel: Enter ke sini, Tab berpindah, Enter menekan tombol, Esc kembali ke tabel.</translation>
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
        <source>%1 — received %2</source>
        <translation>%1 — diterima %2</translation>
    </message>
    <message>
        <source>The database is read-only: no change can be saved.</source>
        <translation>Basis data hanya dapat dibaca: tidak ada perubahan yang dapat disimpan.</translation>
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
        <source>Clock started</source>
        <translation>Jam mulai</translation>
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
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <source>since %1</source>
        <translation>sejak %1</translation>
    </message>
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
    <message>
        <source>Overdue: the one-working-day limit passed at %1</source>
        <translation>Terlambat: batas satu hari kerja lewat pada %1</translation>
    </message>
    <message>
        <source>Due today at %1</source>
        <translation>Batas waktu hari ini, %1</translation>
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
        <source>Holidays and &amp;closures</source>
        <translation>&amp;Hari libur dan penutupan</translation>
    </message>
    <message>
        <source>Changes are saved as you make them.</source>
        <translation>Perubahan langsung disimpan.</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Berkas basis data</translation>
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
        <source>&amp;Save office hours and pickup days</source>
        <translation>&amp;Simpan jam kantor dan hari kurir</translation>
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
        <source>Cuti bersama is decreed each year; enter the days that apply.</source>
        <translation>Cuti bersama ditetapkan setiap tahun; masukkan hari-hari yang berlaku.</translation>
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
        <source>Defa&amp;ult printer:</source>
        <translation>P&amp;rinter bawaan:</translation>
    </message>
    <message>
        <source>The echelon-4 officials who sign the approval sheet and the receipt.</source>
        <translation>Pejabat eselon IV yang menandatangani lembar persetujuan dan tanda terima.</translation>
    </message>
    <message>
        <source>C&amp;loses at:</source>
        <translation>&amp;Tutup pukul:</translation>
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
        <source>Required documents</source>
        <translation>Dokumen wajib</translation>
    </message>
    <message>
        <source>Drag a document here to make it this kind of document.</source>
        <translation>Seret dokumen ke sini untuk menjadikannya jenis dokumen ini.</translation>
    </message>
    <message>
        <source>LSP</source>
        <translation>LSP</translation>
    </message>
    <message>
        <source>The sender is not in the LSP registry: choose the LSP.</source>
        <translation>Pengirim tidak ada di daftar LSP: pilih LSP-nya.</translation>
    </message>
    <message>
        <source>Set LSP</source>
        <translation>Tetapkan LSP</translation>
    </message>
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
        <source>Complete — on to approval</source>
        <translation>Lengkap — lanjut ke persetujuan</translation>
    </message>
    <message>
        <source>Send completion request…</source>
        <translation>Kirim permintaan kelengkapan…</translation>
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
        <source>Accept finding…</source>
        <translation>Terima temuan…</translation>
    </message>
    <message>
        <source>Accept the selected findings with a note (kept in the history).</source>
        <translation>Terima temuan yang dipilih dengan catatan (dicatat dalam riwayat).</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Choose a request above, or select one in Incoming requests, to check its documents. Dropped e-mails and files open here once received.</source>
        <translation>Pilih permohonan di atas, atau di tab Permohonan Masuk, untuk memeriksa dokumennya. E-mail dan berkas yang diseret ke jendela terbuka di sini setelah diterima.</translation>
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
        <source>The completion request was sent; the request waits for the LSP.</source>
        <translation>Permintaan kelengkapan sudah dikirim; permohonan menunggu LSP.</translation>
    </message>
    <message>
        <source>The letter asks for %1 blanks but the list has %2 competent participants.</source>
        <translation>Surat meminta %1 blanko, tetapi daftar berisi %2 peserta kompeten.</translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>Belum ada dokumen.</translation>
    </message>
    <message>
        <source>No findings: every check passed.</source>
        <translation>Tidak ada temuan: semua pemeriksaan lolos.</translation>
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
    <message>
        <source>The LSP has not been chosen (unknown sender).</source>
        <translation>LSP belum ditentukan (pengirim tidak dikenal).</translation>
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
    <message>
        <source>The text is on the clipboard: paste it into an e-mail to %1. The request now waits for the LSP.</source>
        <translation>Teksnya sudah disalin ke papan klip: tempelkan ke e-mail untuk %1. Permohonan kini menunggu LSP.</translation>
    </message>
    <message>
        <source>No mail program could open the draft. Its text is on the clipboard: paste it into an e-mail to %1. The draft is saved at %2.</source>
        <translation>Tidak ada program e-mail yang dapat membuka draf. Teksnya sudah disalin ke papan klip: tempelkan ke e-mail untuk %1. Draf tersimpan di %2.</translation>
    </message>
</context>
</TS>
