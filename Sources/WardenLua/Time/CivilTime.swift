import WardenValue

/// A point in time split into calendar fields in one zone, with the proleptic Gregorian
/// calendar Go's `time` package uses (year 0 exists, no Julian switch).
struct CivilTime: Equatable {
    var year: Int
    /// 1 to 12.
    var month: Int
    /// 1 to 31.
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int
    /// 0 to 999,999,999.
    var nanosecond: Int
    /// 0 (Sunday) to 6 (Saturday).
    var weekday: Int
    /// 1 to 366.
    var yearDay: Int

    static let secondsPerDay = 86_400

    /// The fields of `instant` shifted by `offset` seconds east of UTC.
    init(_ instant: GoInstant, offset: Int) {
        let local = instant.seconds + offset
        let days = local.floorDivided(by: CivilTime.secondsPerDay)
        let secondOfDay = local - days * CivilTime.secondsPerDay
        (year, month, day) = CivilTime.date(fromDays: days)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        nanosecond = instant.nanoseconds
        weekday = (days + 4).floorModulo(7)
        yearDay = days - CivilTime.days(year: year, month: 1, day: 1) + 1
    }

    /// Days since 1970-01-01 of a date; months and days out of range carry over (month 13 is
    /// January of the next year, day 0 the last day of the month before).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let monthIndex = month - 1
        let first = CivilDate.days(
            year: Int64(year + monthIndex.floorDivided(by: 12)), month: Int64(monthIndex.floorModulo(12) + 1), day: 1)
        return Int(first) + (day - 1)
    }

    /// The date of a day counted from 1970-01-01.
    static func date(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let (year, month, day) = CivilDate.fromDays(Int64(days))
        return (Int(year), Int(month), Int(day))
    }

    /// The number of days in `month` of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        days(year: year, month: month + 1, day: 1) - days(year: year, month: month, day: 1)
    }
}

/// A Unix time with nanoseconds: `seconds` since 1970-01-01 UTC (negative before) and
/// `nanoseconds` in 0 ..< 1,000,000,000, wide enough for year 0 (which Go's parse gives a
/// layout without a year) and beyond.
struct GoInstant: Equatable, Comparable {
    var seconds: Int
    var nanoseconds: Int

    /// `seconds` and `nanoseconds`, the latter carried into the former when out of range.
    init(seconds: Int, nanoseconds: Int) {
        self.seconds = seconds + nanoseconds.floorDivided(by: 1_000_000_000)
        self.nanoseconds = nanoseconds.floorModulo(1_000_000_000)
    }

    /// Go's zero time, January 1, year 1, 00:00:00 UTC.
    static let zero = GoInstant(seconds: -62_135_596_800, nanoseconds: 0)

    static func < (a: GoInstant, b: GoInstant) -> Bool {
        (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds)
    }

    /// The instant of a calendar time in `zone` (fields out of range carry over, as in Go's
    /// `time.Date`).
    static func from(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int, zone: GoZone
    ) -> GoInstant {
        let days = CivilTime.days(year: year, month: month, day: day)
        let local = GoInstant(
            seconds: days * CivilTime.secondsPerDay + hour * 3600 + minute * 60 + second, nanoseconds: nanosecond)
        return GoInstant(seconds: zone.utcSeconds(fromLocal: local.seconds), nanoseconds: local.nanoseconds)
    }
}

extension Int {
    /// Division rounding toward negative infinity.
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The remainder of ``floorDivided(by:)``, with the divisor's sign.
    func floorModulo(_ divisor: Int) -> Int {
        self - floorDivided(by: divisor) * divisor
    }
}
