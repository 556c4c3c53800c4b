namespace LowRankSparse.Tests; public class Smoke { [Fact] public void Ok() { } }
