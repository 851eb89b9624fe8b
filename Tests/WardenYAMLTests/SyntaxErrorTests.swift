import Testing
import WardenYAML

@Suite struct SyntaxErrorTests {
    @Test func aSyntaxErrorCarriesLibyamlsProblemAndPosition() throws {
        // Line 2 starts a nested `bad:` under a scalar; libyaml stops at its `:` (column 6).
        let error = try parseError("key: value\n  bad: indent\n")
        #expect(error.code == .syntax)
        #expect(error.message.contains("mapping values are not allowed"))
        #expect(error.description.hasPrefix("test.yaml:2:6: error[syntax]: "))
        #expect(!error.hint.isEmpty)
    }

    @Test func aSyntaxErrorNamesLibyamlsContextAndWhereItStarted() throws {
        // The quoted scalar opens at line 1, column 4 and never closes.
        let error = try parseError("a: \"abc\n")
        #expect(error.code == .syntax)
        #expect(error.message.contains("while scanning a quoted scalar started at 1:4"))
        #expect(error.message.contains("unexpected end of stream"))
    }

    @Test func anUnclosedFlowSequenceIsASyntaxError() throws {
        let error = try parseError("a: [1, 2\nb: 3\n")
        #expect(error.code == .syntax)
        #expect(error.message.contains("while parsing a flow sequence started at 1:4"))
    }

    @Test func aControlCharacterIsASyntaxErrorAtItsPosition() throws {
        let error = try parseError("a: 1\nb: x\u{01}y\n")
        #expect(error.code == .syntax)
        #expect(error.message.contains("control characters are not allowed"))
        #expect(error.mark.description == "test.yaml:2:5")
    }

    @Test func descriptionWithHintAddsTheHintLine() throws {
        let error = try parseError("a: *missing\n")
        #expect(error.descriptionWithHint == "\(error.description)\n  hint: \(error.hint)")
    }
}
