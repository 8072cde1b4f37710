extension JSONParser {
    /// Exact powers of ten representable as `Double`, for the fast decimal conversion path.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses a number starting at the current position (a `-` or a digit) following the RFC 8259 grammar.
    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
        let start = position
        var index = position
        let isNegative = input[index] == ASCII.minus
        if isNegative {
            index += 1
        }
        let integerStart = index
        guard index < end && isDigit(input[index]) else {
            if matches("Infinity", at: index) {
                throw JSONParseError(offset: start, message: "nan and infinity are not allowed")
            }
            throw JSONParseError(offset: index, message: "expected digit after '-'")
        }
        if input[index] == ASCII.zero {
            index += 1
            if index < end && isDigit(input[index]) {
                throw JSONParseError(offset: integerStart, message: "leading zeros are not allowed")
            }
        } else {
            index = skipDigits(from: index)
        }
        let integerEnd = index
        var fractionEnd = index
        var hasFractionOrExponent = false
        if index < end && input[index] == ASCII.period {
            hasFractionOrExponent = true
            index += 1
            guard index < end && isDigit(input[index]) else {
                throw JSONParseError(offset: index, message: "expected digit after decimal point")
            }
            index = skipDigits(from: index)
            fractionEnd = index
        }
        if index < end && (input[index] == ASCII.lowerE || input[index] == ASCII.upperE) {
            hasFractionOrExponent = true
            index += 1
            if index < end && (input[index] == ASCII.plus || input[index] == ASCII.minus) {
                index += 1
            }
            guard index < end && isDigit(input[index]) else {
                throw JSONParseError(offset: index, message: "expected digit in exponent")
            }
            index = skipDigits(from: index)
        }
        position = index

        if !hasFractionOrExponent,
            let integer = integerValue(isNegative: isNegative, from: integerStart, to: integerEnd) {
            return .integer(integer)
        }
        let number = fastDoubleValue(
            isNegative: isNegative, integerStart: integerStart, integerEnd: integerEnd, fractionEnd: fractionEnd,
            numberEnd: index
        ) ?? Double(String(decoding: UnsafeBufferPointer(rebasing: input[start..<index]), as: UTF8.self))
        guard let number, number.isFinite else {
            throw JSONParseError(offset: start, message: "number out of range")
        }
        return .number(number)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- ASCII.zero < 10
    }

    private func skipDigits(from start: Int) -> Int {
        var index = start
        while index < end && isDigit(input[index]) {
            index += 1
        }
        return index
    }

    /// The `Int64` written by the digits in `start..<stop`, or `nil` if it does not fit or is negative zero.
    private func integerValue(isNegative: Bool, from start: Int, to stop: Int) -> Int64? {
        // Nineteen decimal digits always fit in a UInt64 (the largest is below 1.85e19), so no overflow checks.
        guard stop - start <= 19 else {
            return nil
        }
        var magnitude: UInt64 = 0
        for index in start..<stop {
            magnitude = magnitude &* 10 &+ UInt64(input[index] &- ASCII.zero)
        }
        if isNegative {
            // "-0" has no Int64 form; it becomes the Double -0.0 so that the sign survives.
            guard magnitude != 0 && magnitude <= Int64.min.magnitude else {
                return nil
            }
            return Int64(bitPattern: 0 &- magnitude)
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// The exact `Double` for numbers with at most 19 significant digits, a significand of at most 2^53 and a
    /// small decimal exponent, or `nil` to defer to the general conversion.
    ///
    /// Such a number is a product or quotient of two exactly representable doubles (the significand and a power
    /// of ten up to 10^22), so a single correctly rounded IEEE operation gives the correctly rounded result.
    private func fastDoubleValue(
        isNegative: Bool, integerStart: Int, integerEnd: Int, fractionEnd: Int, numberEnd: Int
    ) -> Double? {
        var significand: UInt64 = 0
        var significantDigits = 0
        var index = integerStart
        while index < fractionEnd {
            let byte = input[index]
            index += 1
            if byte == ASCII.period {
                continue
            }
            let digit = UInt64(byte &- ASCII.zero)
            if significand == 0 && digit == 0 {
                continue
            }
            guard significantDigits < 19 else {
                return nil
            }
            significand = significand &* 10 &+ digit
            significantDigits += 1
        }
        let fractionDigits = fractionEnd > integerEnd ? fractionEnd - integerEnd - 1 : 0

        var exponent = 0
        if fractionEnd < numberEnd {
            index = fractionEnd + 1
            var exponentIsNegative = false
            if input[index] == ASCII.plus || input[index] == ASCII.minus {
                exponentIsNegative = input[index] == ASCII.minus
                index += 1
            }
            while index < numberEnd {
                // Clamp: anything this large is far outside the fast path's range anyway.
                if exponent < 100_000 {
                    exponent = exponent * 10 + Int(input[index] &- ASCII.zero)
                }
                index += 1
            }
            if exponentIsNegative {
                exponent = -exponent
            }
        }

        if significand == 0 {
            return isNegative ? -0.0 : 0.0
        }
        let decimalExponent = exponent - fractionDigits
        guard significand <= 1 << 53, (-22...22).contains(decimalExponent) else {
            return nil
        }
        var value = Double(significand)
        if decimalExponent < 0 {
            value /= Self.exactPowersOfTen[-decimalExponent]
        } else {
            value *= Self.exactPowersOfTen[decimalExponent]
        }
        return isNegative ? -value : value
    }
}
