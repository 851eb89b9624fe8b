import Foundation
import Testing

@testable import WardenLua

/// The Go time layouts, zones and durations behind the Lua `time` module, checked as
/// properties over many generated values.
@Suite struct GoTimeTests {
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    @Test func calendarDaysMatchFoundationsGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var generator = Generator(state: 7)
        for _ in 0..<2_000 {
            // Foundation's Gregorian calendar is Julian before October 1582; start after it.
            let days = Int.random(in: -140_000...200_000, using: &generator)
            let date = CivilTime.date(fromDays: days)
            let parts = calendar.dateComponents(
                [.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(days * 86_400)))
            #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day])
            #expect(CivilTime.days(year: date.year, month: date.month, day: date.day) == days)
        }
        // Go's zero time, January 1 of year 1, is 719,162 days before 1970 in the proleptic calendar.
        #expect(CivilTime.days(year: 1, month: 1, day: 1) == -719_162)
        #expect(CivilTime.date(fromDays: -719_162 - 366) == (year: 0, month: 1, day: 1))
    }

    @Test func formattingThenParsingGivesTheSameInstantInEveryZone() throws {
        let zones: [GoZone] = try [
            .utc, .fixed(name: "IST", offset: 19_800), .fixed(name: "", offset: -10_830),
            .named(name: "America/New_York", zone: #require(TimeZone(identifier: "America/New_York"))),
            .named(name: "Australia/Lord_Howe", zone: #require(TimeZone(identifier: "Australia/Lord_Howe"))),
        ]
        let layouts = [
            "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02 15:04:05.000000000 -07:00:00",
            "Monday, 02-Jan-2006 03:04:05.000000000 PM -070000", "Jan _2 2006 15:04:05,000000000 Z070000",
        ]
        var generator = Generator(state: 11)
        for _ in 0..<1_000 {
            let instant = GoInstant(
                seconds: Int.random(in: -2_000_000_000...4_000_000_000, using: &generator),
                nanoseconds: Int.random(in: 0..<1_000_000_000, using: &generator))
            for zone in zones {
                // An offset with seconds survives only layouts that write them (Go drops them too).
                for layout in layouts where zone.name != "" || layout.contains("070000") || layout.contains("07:00:00")
                {
                    let text = GoTimeLayout.format(instant, zone: zone, layout: layout)
                    let parsed = try GoTimeParser(layout: layout, value: text).parse(defaultZone: zone)
                    #expect(parsed.instant == instant, "\(layout) in \(zone.name): \(text)")
                }
            }
        }
    }

    @Test func durationTextRoundTrips() throws {
        var generator = Generator(state: 5)
        for _ in 0..<5_000 {
            let nanoseconds =
                Int.random(in: Int.min / 2...Int.max / 2, using: &generator)
                >> Int.random(in: 0...60, using: &generator)
            let text = GoDuration.string(nanoseconds)
            #expect(try GoDuration.parse(text) == nanoseconds, "\(text)")
        }
        #expect(throws: GoDuration.Failure.self) { try GoDuration.parse("9223372036854775808ns") }
        #expect(try GoDuration.parse("-9223372036854775808ns") == Int.min)
    }

    @Test func aDamagedZoneFileIsRefusedWithoutACrash() throws {
        let path = "/usr/share/zoneinfo/America/New_York"
        let bytes = try #require(FileManager.default.contents(atPath: path).map(Array.init))
        #expect(ZoneAbbreviations.parse(bytes) != nil)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            _ = ZoneAbbreviations.parse(Array(bytes.prefix(length)))
        }
        var damaged = bytes
        for index in stride(from: 20, to: min(damaged.count, 200), by: 3) { damaged[index] = 0xFF }
        #expect(ZoneAbbreviations.parse(damaged) == nil)
        #expect(ZoneAbbreviations.of("../../etc/passwd") == nil)
        #expect(ZoneAbbreviations.of("/etc/passwd") == nil)
    }
}
