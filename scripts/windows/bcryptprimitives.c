/*
 * A stand-in bcryptprimitives.dll for running planreview.exe under Wine 8.0
 * in CI. Go 1.24 and later load ProcessPrng from bcryptprimitives.dll at
 * start; Windows 10/11 have it, Wine 8.0 does not. This fills the buffer from
 * RtlGenRandom (advapi32's SystemFunction036), which Wine does have. It is
 * never shipped to users: real Windows provides the DLL.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}
