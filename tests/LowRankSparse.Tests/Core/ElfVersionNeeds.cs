using System.Text;

namespace LowRankSparse.Tests.Core;

/// <summary>Reads the vna_flags of a version requirement (ELF64 little-endian .gnu.version_r), to check the build's patch.</summary>
internal static class ElfVersionNeeds
{
    public const int WeakFlag = 2;

    public static int? Flags(string path, string versionName)
    {
        byte[] b = File.ReadAllBytes(path);
        long shoff = (long)BitConverter.ToUInt64(b, 0x28);
        int shentsize = BitConverter.ToUInt16(b, 0x3A), shnum = BitConverter.ToUInt16(b, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            if (BitConverter.ToUInt32(b, (int)(sh + 4)) != 0x6ffffffe) continue;
            long vn = (long)BitConverter.ToUInt64(b, (int)(sh + 0x18));
            int link = (int)BitConverter.ToUInt32(b, (int)(sh + 0x28)), count = (int)BitConverter.ToUInt32(b, (int)(sh + 0x2C));
            long strOff = (long)BitConverter.ToUInt64(b, (int)(shoff + (long)link * shentsize + 0x18));
            for (int n = 0; n < count; n++)
            {
                long va = vn + BitConverter.ToUInt32(b, (int)(vn + 8));
                for (int k = 0; k < BitConverter.ToUInt16(b, (int)(vn + 2)); k++)
                {
                    long nameAt = strOff + BitConverter.ToUInt32(b, (int)(va + 8));
                    int end = (int)nameAt;
                    while (b[end] != 0) end++;
                    if (Encoding.ASCII.GetString(b, (int)nameAt, end - (int)nameAt) == versionName) return BitConverter.ToUInt16(b, (int)(va + 4));
                    va += BitConverter.ToUInt32(b, (int)(va + 12));
                }
                vn += BitConverter.ToUInt32(b, (int)(vn + 12));
            }
        }
        return null;
    }
}
