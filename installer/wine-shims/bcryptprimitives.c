/*
 * TEST-ONLY stand-in for Windows' system bcryptprimitives.dll, used by installer/test-wine.sh. NEVER shipped.
 *
 * Rust extensions in the app's dependencies (python-calamine, cryptography) import ProcessPrng from the
 * bcryptprimitives.dll that every Windows 10/11 has; Wine 8 lacks that export, so their .pyd files fail to
 * load ("DLL load failed ... Module not found"). This stub implements ProcessPrng over BCryptGenRandom.
 * test-wine.sh compiles it with x86_64-w64-mingw32-gcc (-lbcrypt) into the Wine prefix's system32.
 */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
