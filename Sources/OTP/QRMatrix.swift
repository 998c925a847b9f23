/// The module grid of a QR code while it is drawn: function patterns, data, mask, format and
/// version information (ISO/IEC 18004, sections 6.3 and 7.7-7.9). x is the column, y the row.
struct QRMatrix {
    let version: Int
    let size: Int
    var modules: [[Bool]]
    /// Modules of function patterns: never masked, never data.
    var isFunction: [[Bool]]

    init(version: Int) {
        self.version = version
        size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
    }

    mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    /// Centres of the alignment patterns in each direction (annex E), versions 1-10.
    static let alignmentCentres: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    mutating func drawFunctionPatterns() {
        // Timing patterns (section 6.3.5), then the finders over their ends.
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        drawFinder(3, 3)
        drawFinder(size - 4, 3)
        drawFinder(3, size - 4)
        let centres = QRMatrix.alignmentCentres[version - 1]
        for (i, cy) in centres.enumerated() {
            for (j, cx) in centres.enumerated() {
                // Not where a finder pattern is (the three corners).
                let corner = (i == 0 && j == 0) || (i == 0 && j == centres.count - 1) || (i == centres.count - 1 && j == 0)
                if !corner { drawAlignment(cx, cy) }
            }
        }
        // Reserve the format areas (filled after masking) and draw the version information.
        drawFormatBits(mask: 0)
        drawVersion()
    }

    /// A finder pattern with its separator (section 6.3.3): 7×7 rings dark-light-dark, light border.
    mutating func drawFinder(_ cx: Int, _ cy: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = cx + dx, y = cy + dy
                guard x >= 0, x < size, y >= 0, y < size else { continue }
                let ring = max(abs(dx), abs(dy))
                set(x, y, ring != 2 && ring != 4)
            }
        }
    }

    mutating func drawAlignment(_ cx: Int, _ cy: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// Format information (section 7.9): level M (00) and the mask, BCH(15,5) with generator
    /// 0x537, XOR 0x5412; two copies, plus the dark module.
    mutating func drawFormatBits(mask: Int) {
        let data = (0b00 << 3) | mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = ((data << 10) | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)
    }

    /// Version information from version 7 on (section 7.10): BCH(18,6) with generator 0x1F25,
    /// two 6×3 blocks beside the top-right and bottom-left finders.
    mutating func drawVersion() {
        guard version >= 7 else { return }
        var remainder = version
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = (version << 12) | remainder
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let a = size - 11 + i % 3, b = i / 3
            set(a, b, dark)
            set(b, a, dark)
        }
    }

    /// Places the codewords in two-module columns from the bottom right, zig-zagging up and
    /// down and skipping the vertical timing column (section 7.7.3). Remainder bits stay light.
    mutating func drawCodewords(_ data: [UInt8]) {
        var i = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x] && i < data.count * 8 {
                        modules[y][x] = (data[i >> 3] >> UInt8(7 - (i & 7))) & 1 == 1
                        i += 1
                    }
                }
            }
            right -= 2
        }
    }

    /// The data mask conditions of table 10 (i is the row, j the column).
    static func masked(_ mask: Int, x j: Int, y i: Int) -> Bool {
        switch mask {
        case 0: (i + j) % 2 == 0
        case 1: i % 2 == 0
        case 2: j % 3 == 0
        case 3: (i + j) % 3 == 0
        case 4: (i / 2 + j / 3) % 2 == 0
        case 5: (i * j) % 2 + (i * j) % 3 == 0
        case 6: ((i * j) % 2 + (i * j) % 3) % 2 == 0
        default: ((i + j) % 2 + (i * j) % 3) % 2 == 0
        }
    }

    mutating func apply(mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] && QRMatrix.masked(mask, x: x, y: y) {
                modules[y][x].toggle()
            }
        }
    }

    /// The penalty of section 7.8.3.1 (table 11): N1 runs of five or more, N2 2×2 blocks,
    /// N3 finder-like 1:1:3:1:1 patterns with four light modules beside them, N4 dark balance.
    func penalty() -> Int {
        var total = 0
        for index in 0..<size {
            let row = modules[index]
            let column = (0..<size).map { modules[$0][index] }
            total += QRMatrix.runPenalty(row) + QRMatrix.finderLikePenalty(row)
            total += QRMatrix.runPenalty(column) + QRMatrix.finderLikePenalty(column)
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = modules[y][x]
                if modules[y][x + 1] == colour && modules[y + 1][x] == colour && modules[y + 1][x + 1] == colour { total += 3 }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let percent = dark * 100 / (size * size)
        total += abs(percent - 50) / 5 * 10
        return total
    }

    static func runPenalty(_ line: [Bool]) -> Int {
        var total = 0, run = 1
        for i in 1...line.count {
            if i < line.count && line[i] == line[i - 1] {
                run += 1
            } else {
                if run >= 5 { total += 3 + run - 5 }
                run = 1
            }
        }
        return total
    }

    static let finderLike: [Bool] = [true, false, true, true, true, false, true]

    /// Whether the seven modules from `start` are dark-light-dark-dark-dark-light-dark (compared
    /// in place: this runs for every position of every row and column under all eight masks).
    static func isFinderLike(_ line: [Bool], at start: Int) -> Bool {
        for offset in 0..<7 where line[start + offset] != finderLike[offset] { return false }
        return true
    }

    static func finderLikePenalty(_ line: [Bool]) -> Int {
        var total = 0
        let n = line.count
        guard n >= 7 else { return 0 }
        for start in 0...(n - 7) where isFinderLike(line, at: start) {
            // Four light modules (or the edge, which the quiet zone makes light) on one side.
            let before = (max(0, start - 4)..<start).allSatisfy { !line[$0] }
            let after = (start + 7..<min(n, start + 11)).allSatisfy { !line[$0] }
            if before || after { total += 40 }
        }
        return total
    }
}
