namespace Bora.AppMemGen.Tests;

/// <summary>Declarations the golden and compile tests share.</summary>
internal static class Sources
{
    public const string App = """
        namespace Demo.App;

        [K_APPMEM_PARTITION_DEFINE("part0", "part1", "part2")]
        public static partial class Partitions
        {
        }

        [K_APPMEM_PARTITION_DEFINE("my_partition")]
        public static partial class MyApp
        {
            [K_APP_DMEM("my_partition", 37)]
            public static partial AppVar<int> var1 { get; }

            [K_APP_BMEM("my_partition")]
            public static partial AppVar<int> var2 { get; }

            [K_APP_DMEM("part0", new ushort[] { 1, 2, 0xFFFF }, Length = 4)]
            internal static partial AppArray<ushort> table { get; }

            [K_APP_DMEM("part1", "hi")]
            internal static partial AppArray<byte> greeting { get; }

            [K_APP_BMEM("part2", Length = 64, Align = 32)]
            internal static partial AppArray<byte> buf { get; }

            [K_APP_DMEM("part1", -2L)]
            private static partial AppVar<long> wide { get; }

            [K_APP_DMEM("part1", true)]
            public static partial AppVar<bool> flag { get; }

            public static partial class Nested
            {
                [K_APP_BMEM("part0")]
                public static partial AppVar<byte> b { get; }
            }
        }
        """;

    public const string Library = """
        [assembly: AppMemoryLibrary("k_mbedtls_partition")]

        namespace Demo.Lib;

        [K_APPMEM_PARTITION_DEFINE("k_mbedtls_partition")]
        public static partial class Partitions
        {
        }

        public static partial class Entropy
        {
            [AppData(0x12345678u)]
            public static partial AppVar<uint> seed { get; }

            [AppBss(Length = 20)]
            public static partial AppArray<uint> pool { get; }

            [K_APP_BMEM("elsewhere")]
            public static partial AppVar<int> tagged { get; }
        }

        [K_APPMEM_PARTITION_DEFINE("elsewhere")]
        public static partial class Other
        {
        }
        """;
}
