namespace LowRankSparse.Interactive; internal static class Placeholder {}
