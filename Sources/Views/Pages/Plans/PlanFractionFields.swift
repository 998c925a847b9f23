import Domain
import Markup

/// Numerator and denominator of a percentage whose library indicator counts both (issue 18):
/// with them the programme figure is weighted by the IKCs' sizes.
extension PlanPage {
    static func fractionInputs(_ result: PlanResult, _ values: [String: String], _ errors: ValidationErrors) -> HTML {
        guard !result.numeratorLabel.isEmpty, !result.denominatorLabel.isEmpty else { return .empty }
        let n = numeratorField(result.id), d = denominatorField(result.id)
        return """
        \(Components.textField(n, label: "Teller: \(result.numeratorLabel)", value: values[n] ?? "", errors: errors, hint: "Een aantal. Met teller en noemer wordt de gemeten waarde berekend als u die leeg laat.", inputmode: "numeric"))
        \(Components.textField(d, label: "Noemer: \(result.denominatorLabel)", value: values[d] ?? "", errors: errors, inputmode: "numeric"))
        """
    }
}
