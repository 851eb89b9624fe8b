import Testing
import WardenValue

@Suite("Value numbers and string forms")
struct ValueNumbersTests {
    @Test(arguments: [
        ("42", 42.0), ("-1.5", -1.5), (".5", 0.5), ("1e3", 1000.0), ("1.0", 1.0), ("+7", 7.0), ("2E-2", 0.02),
    ])
    func numericStrings(text: String, expected: Double) {
        #expect(Value.string(text).numericValue == expected)
    }

    @Test(arguments: [" 1", "1 ", "", "-", ".", "1e", "inf", "nan", "NaN", "0x10", "1_000", "e3", "true", "1.2.3"])
    func nonNumericStrings(text: String) {
        #expect(Value.string(text).numericValue == nil)
    }

    @Test func booleansAreNeverNumeric() {
        #expect(Value.bool(true).numericValue == nil)
        #expect(Value.null.numericValue == nil)
    }

    @Test(arguments: [
        (1e20, "100000000000000000000"), (1e-7, "0.0000001"), (2.0, "2"), (0.1, "0.1"),
        (-3.25, "-3.25"), (123456.789, "123456.789"), (1.5e300, "15" + String(repeating: "0", count: 299)),
    ])
    func doublesPrintWithoutExponent(value: Double, expected: String) {
        #expect(Value.double(value).stringForm == expected)
    }

    @Test func scalarStringForms() {
        #expect(Value.bool(true).stringForm == "true")
        #expect(Value.int(-12).stringForm == "-12")
        #expect(Value.string("x").stringForm == "x")
        #expect(Value.list([]).stringForm == nil)
    }
}
