extension GoTimeParser {
    /// The fields a value gave, before the date is checked and the zone chosen.
    struct Fields {
        var year: Int
        /// -1 when the value gave none.
        var month: Int
        /// -1 when the value gave none.
        var day: Int
        /// -1 when the value gave none.
        var yearDay: Int
        var hour: Int
        var minute: Int
        var second: Int
        var nanosecond: Int
    }

    /// Checks the date, fills in what is missing and picks the zone, by Go's rules.
    func resolve(
        _ parsed: Fields, rangeError firstRangeError: String?, utc: Bool, offset: Int?, zoneName: String?,
        defaultZone: GoZone
    ) throws(Failure) -> Parsed {
        var fields = parsed
        var rangeError = firstRangeError
        if fields.yearDay >= 0 {
            let leap = CivilTime.daysIn(month: 2, year: fields.year) == 29
            if fields.yearDay == 366 && !leap { rangeError = rangeError ?? "day-of-year" }
            let (_, m, d) = CivilTime.date(fromDays: CivilTime.days(year: fields.year, month: 1, day: fields.yearDay))
            if fields.month >= 0 && fields.month != m { rangeError = rangeError ?? "day-of-year" }
            if fields.day >= 0 && fields.day != d { rangeError = rangeError ?? "day-of-year" }
            fields.month = m
            fields.day = d
        } else {
            if fields.month < 0 { fields.month = 1 }
            if fields.day < 0 { fields.day = 1 }
        }
        if let rangeError {
            throw Failure(message: "parsing time \(quote(value)): \(rangeError) out of range")
        }
        if fields.day < 1 || fields.day > CivilTime.daysIn(month: fields.month, year: fields.year) {
            throw Failure(message: "parsing time \(quote(value)): day out of range")
        }
        func instant(in zone: GoZone) -> GoInstant {
            GoInstant.from(
                year: fields.year, month: fields.month, day: fields.day, hour: fields.hour, minute: fields.minute,
                second: fields.second, nanosecond: fields.nanosecond, zone: zone)
        }
        if utc { return Parsed(instant: instant(in: .utc), zone: .utc) }
        if let offset {
            let t = instant(in: .fixed(name: "", offset: offset))
            if defaultZone.offset(atUnix: t.seconds).offset == offset { return Parsed(instant: t, zone: defaultZone) }
            return Parsed(instant: t, zone: .fixed(name: "", offset: offset))
        }
        if let zoneName {
            let asUTC = instant(in: .utc)
            let candidate = defaultZone.offset(atUnix: asUTC.seconds)
            if candidate.abbreviation == zoneName {
                let t = GoInstant(seconds: asUTC.seconds - candidate.offset, nanoseconds: asUTC.nanoseconds)
                return Parsed(instant: t, zone: defaultZone)
            }
            var guessed = 0
            if zoneName.count > 3, zoneName.hasPrefix("GMT"), let hours = Int(zoneName.dropFirst(3)) {
                guessed = hours * 3600
            }
            let zone = GoZone.fixed(name: zoneName, offset: guessed)
            return Parsed(instant: instant(in: zone), zone: zone)
        }
        return Parsed(instant: instant(in: defaultZone), zone: defaultZone)
    }

}
