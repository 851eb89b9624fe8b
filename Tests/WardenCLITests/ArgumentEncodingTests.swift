import Testing

@testable import WardenCLI

@Suite("command-line encoding and echo", .timeLimit(.minutes(5)))
struct ArgumentEncodingTests {
    @Test func validArgumentsPass() {
        #expect(
            ArgumentEncoding.problem(in: [Array("eval".utf8), Array("--meta".utf8), Array(#"{"é": 1}"#.utf8)]) == nil)
    }

    @Test func anInvalidByteIsNamedWithItsOption() {
        let arguments = [
            Array("eval".utf8), Array("--meta".utf8), Array(#"{"a":""#.utf8) + [0xFF] + Array(#""}"#.utf8),
        ]
        #expect(
            ArgumentEncoding.problem(in: arguments) == """
                error: argument 3 (the value of `--meta`) is not valid UTF-8: byte `\\xff` at offset 6
                  hint: pass text as UTF-8; convert it with `iconv -t UTF-8`
                """)
    }

    @Test func aTruncatedSequenceIsFound() {
        #expect(ArgumentEncoding.firstInvalidByte([0x61, 0xE2, 0x82]).map { [$0.0, Int($0.1)] } == [1, 0xE2])
        #expect(ArgumentEncoding.firstInvalidByte(Array("a€".utf8)) == nil)
    }

    @Test func longArgumentsAreCutWhereAMessageRepeatsThem() {
        let long = String(repeating: "x", count: 200)
        let message = "The value '\(long)' is invalid for '--format <format>'"
        #expect(
            CommandRunner.shortening(message, arguments: ["--format", long])
                == "The value '\(String(repeating: "x", count: 80))…' is invalid for '--format <format>'")
        #expect(CommandRunner.shortening("short 'abc'", arguments: ["abc"]) == "short 'abc'")
    }

    @Test func aHugeFormatValueIsNotEchoedInFull() async {
        let long = String(repeating: "y", count: 10_000)
        let result = await PolicyCLI.run(["validate", "--format", long, "policies"])
        #expect(result.code == 3)
        #expect(result.errors.contains(String(repeating: "y", count: 80) + "…"))
        #expect(result.errors.utf8.count < 2_000)
    }
}
