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

# E-mails forwarded inside e-mails: deeper nesting than this is not followed.
MAX_EMAIL_DEPTH = 5

# An e-mail dated further back than this before it is taken in is not believed (a sender's clock at 1900, an old
# draft resent): its arrival is the time of the drop, and the officer is told.
MAX_EMAIL_AGE = timedelta(days=30)
