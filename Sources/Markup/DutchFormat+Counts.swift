extension DutchFormat {
    /// A number with its noun in the right form: "1 dag", "3 dagen", "1 IKC", "9 IKC's".
    public static func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(n)) \(n == 1 ? singular : plural)"
    }
}
