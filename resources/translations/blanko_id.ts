<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
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
        <source>Check finding</source>
        <translation>Temuan pemeriksaan</translation>
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
        <source>Open the LSP registry…</source>
        <translation>Buka daftar LSP…</translation>
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
    <message numerus="yes">
        <source>%n row(s) could not be imported; see the details.</source>
        <translation>
            <numerusform>%n baris tidak dapat diimpor; lihat rinciannya.</numerusform>
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
        <source>The database is busy: another officer is saving. Retrying (%1)…</source>
        <translation>Basis data sedang sibuk: petugas lain sedang menyimpan. Mencoba lagi (%1)…</translation>
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
        <source>clock stopped</source>
        <translation>waktu dihentikan</translation>
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
        <source>Close request</source>
        <translation>Selesaikan permohonan</translation>
    </message>
    <message>
        <source>Close request #%1? Closing is final: do it when both the courier&apos;s copy and the LSP&apos;s signed receipt are back.</source>
        <translation>Selesaikan permohonan #%1? Penyelesaian bersifat final: lakukan setelah salinan tanda terima dari kurir dan tanda terima yang ditandatangani LSP sudah kembali.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Selesaikan</translation>
    </message>
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
        <source>Requested</source>
        <translation>Jumlah diminta</translation>
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
        <source>The echelon-4 officials who sign the approval sheet and the receipt. Changes in this list are saved at once.</source>
        <translation>Pejabat eselon IV yang menandatangani lembar persetujuan dan tanda terima. Perubahan pada daftar ini langsung disimpan.</translation>
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
        <source>Defa&amp;ult printer:</source>
        <translation>P&amp;rinter bawaan:</translation>
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
        <source>Cuti bersama is decreed each year; enter the days that apply. Changes here are saved at once.</source>
        <translation>Cuti bersama ditetapkan setiap tahun; masukkan hari yang berlaku. Perubahan di sini langsung disimpan.</translation>
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
</TS>
