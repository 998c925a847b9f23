/// Whether a measured value meets the year's target, by the result's direction.
public enum ResultProgress {
    public static func isOnTrack(value: Double, target: Double, direction: String) -> Bool {
        switch direction {
        case "lower": value <= target
        default: value >= target
        }
    }
}
