/*
 * TEST-ONLY stand-in for Windows' system icuuc.dll, used by installer/test-wine.sh. NEVER shipped.
 *
 * Qt6Core.dll imports ~20 ucnv_* functions from the icuuc.dll that Windows 10 (1903+) and 11 provide;
 * Wine 8 has no icuuc.dll, so Qt cannot even load. This stub exports those functions and reports every
 * converter as unavailable (ucnv_open fails), so Qt falls back to its built-in UTF-8/UTF-16/Latin-1 codecs.
 * test-wine.sh compiles it with x86_64-w64-mingw32-gcc and copies it into the Wine prefix's system32.
 */
#include <stddef.h>
#include <stdint.h>

#define EXPORT __declspec(dllexport)

typedef int UErrorCode;      /* ICU: U_ZERO_ERROR = 0, failures > 0 */
typedef uint16_t UChar;
typedef int8_t UBool;
typedef struct UConverter UConverter;
typedef void (*UConverterCallback)(void);

enum { U_FILE_ACCESS_ERROR = 4, U_UNSUPPORTED_ERROR = 16 };

static void fail(UErrorCode *err, int code) {
    if (err && *err <= 0) *err = code;
}

EXPORT UConverter *ucnv_open(const char *name, UErrorCode *err) { (void)name; fail(err, U_FILE_ACCESS_ERROR); return NULL; }
EXPORT void ucnv_close(UConverter *cnv) { (void)cnv; }
EXPORT void ucnv_reset(UConverter *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const UConverter *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err, U_UNSUPPORTED_ERROR); return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err) {
    (void)name; (void)standard; fail(err, U_UNSUPPORTED_ERROR); return NULL;
}

EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}

EXPORT void ucnv_getToUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context) {
    (void)cnv;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const UConverter *cnv, UConverterCallback *action, const void **context) {
    (void)cnv;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                UConverterCallback *old_action, const void **old_context, UErrorCode *err) {
    (void)cnv; (void)action; (void)context;
    if (old_action) *old_action = NULL;
    if (old_context) *old_context = NULL;
    fail(err, U_UNSUPPORTED_ERROR);
}
EXPORT void ucnv_setFromUCallBack(UConverter *cnv, UConverterCallback action, const void *context,
                                  UConverterCallback *old_action, const void **old_context, UErrorCode *err) {
    (void)cnv; (void)action; (void)context;
    if (old_action) *old_action = NULL;
    if (old_context) *old_context = NULL;
    fail(err, U_UNSUPPORTED_ERROR);
}

EXPORT void ucnv_toUnicode(UConverter *cnv, UChar **target, const UChar *target_limit, const char **source,
                           const char *source_limit, int32_t *offsets, UBool flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
    fail(err, U_UNSUPPORTED_ERROR);
}
EXPORT void ucnv_fromUnicode(UConverter *cnv, char **target, const char *target_limit, const UChar **source,
                             const UChar *source_limit, int32_t *offsets, UBool flush, UErrorCode *err) {
    (void)cnv; (void)target; (void)target_limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
    fail(err, U_UNSUPPORTED_ERROR);
}
EXPORT int32_t ucnv_toUCountPending(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err, U_UNSUPPORTED_ERROR); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const UConverter *cnv, UErrorCode *err) { (void)cnv; fail(err, U_UNSUPPORTED_ERROR); return 0; }
EXPORT void ucnv_cbToUWriteUChars(void *args, const UChar *source, int32_t length, int32_t offset, UErrorCode *err) {
    (void)args; (void)source; (void)length; (void)offset; fail(err, U_UNSUPPORTED_ERROR);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const UChar **source, const UChar *source_limit, int32_t offset,
                                    UErrorCode *err) {
    (void)args; (void)source; (void)source_limit; (void)offset; fail(err, U_UNSUPPORTED_ERROR);
}
