"""Size caps for untrusted input; callers check them before reading or unpacking anything."""

from datetime import timedelta

# The largest single file (loose file or e-mail) accepted: the four documents of a request are a few MB.
MAX_FILE_BYTES = 100 * 1024 * 1024

# An Excel file is a zip: the sum of its members' uncompressed sizes may not exceed this (zip-bomb guard).
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024

# Members that inflate more than this many times their compressed size are refused once they pass
# ARCHIVE_RATIO_GRACE_BYTES; Apache POI's ZipSecureFile uses the same 1:100 rule for the same reason.
MAX_COMPRESSION_RATIO = 100
ARCHIVE_RATIO_GRACE_BYTES = 1024 * 1024

# A real workbook has a few dozen members; thousands means a crafted archive.
MAX_ARCHIVE_MEMBERS = 10_000

# A sheet is read whole into memory: its used range (from A1 to the last filled cell) may not exceed this many
# cells. 20,000 participants x 30 columns is 600,000; a stray value in cell XFD1048576 would be 17 billion.
MAX_SHEET_CELLS = 5_000_000

# Rows holding values in one participant list, all sheets together. An assessment batch is tens to a few thousand
# participants (the speed target is 20,000); a 1,000,000-row list took 77 s and 1.96 GB to read and gave a
# million findings. Above this the list is not read: the LSP is asked for the participant rows only.
MAX_LIST_ROWS = 100_000

# Findings of one kind (the same problem on many rows) listed one by one; the rest are one line with their count.
MAX_FINDINGS_PER_KIND = 200

# E-mails forwarded inside e-mails: deeper nesting than this is not followed.
MAX_EMAIL_DEPTH = 5

# An e-mail dated further back than this before it is taken in is not believed (a sender's clock at 1900, an old
# draft resent): its arrival is the time of the drop, and the officer is told.
MAX_EMAIL_AGE = timedelta(days=30)
