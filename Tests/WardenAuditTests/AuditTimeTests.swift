import Testing

@testable import WardenAuditRecord

@Suite struct AuditTimeTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000000Z"),
        (Int64(1), "1970-01-01T00:00:00.000001Z"),
        (Int64(-1), "1969-12-31T23:59:59.999999Z"),
        // 2000-02-29 (a leap day in a century leap year) 12:34:56.789012
        (Int64(951_827_696_789_012), "2000-02-29T12:34:56.789012Z"),
        // 2024-12-31T23:59:59.5Z
        (Int64(1_735_689_599_500_000), "2024-12-31T23:59:59.500000Z"),
    ])
    func formatsRecordFormAndReadsItBack(micros: Int64, text: String) {
        let time = AuditTime(microseconds: micros)
        #expect(time.rfc3339 == text)
        #expect(AuditTime(recordForm: text) == time)
    }

    @Test(arguments: [
        ("2024-01-01T00:00:00Z", Int64(1_704_067_200_000_000)),
        ("2024-01-01T02:00:00+02:00", Int64(1_704_067_200_000_000)),
        ("2023-12-31T19:00:00.25-05:00", Int64(1_704_067_200_250_000)),
        ("2024-01-01", Int64(1_704_067_200_000_000)),
        ("2024-01-01t00:00:00.1234567z", Int64(1_704_067_200_123_456)),
    ])
    func readsRFC3339WithOffsetsAndFractions(text: String, micros: Int64) {
        #expect(AuditTime(rfc3339: text)?.microseconds == micros)
    }

    @Test(arguments: [
        "", "2024-13-01", "2023-02-29", "2024-01-01T24:00:00Z", "2024-01-01T00:00:00",
        "2024-01-01T00:00:00.Z", "2024-01-01T00:00Z", "24-01-01", "2024-01-01T00:00:00Z ",
    ])
    func rejectsMalformedTimes(text: String) {
        #expect(AuditTime(rfc3339: text) == nil)
    }

    @Test(arguments: ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000000+00:00", "2024-01-01T00:00:00.000000z"])
    func recordFormIsExact(text: String) {
        #expect(AuditTime(recordForm: text) == nil)
    }
}
