import Domain
import HTTP
import Store
import Views

// For the handlers not yet converted to handler types (issue 15); a converted feature uses its
// `FeatureHandler`'s `today()` instead.
extension Application {
    /// Today's date, for due and overdue checks (`AppConfiguration.today`).
    func today() -> Day { configuration.today() }
}

/// What the forms of versioned records (IKCs, organisations, areas, Plus predicates) share.
enum RecordForms {
    /// The version the form was loaded at (its hidden `lock_version` field).
    static func lockVersion(_ request: Request) throws -> Int64 {
        guard let version = Int64(request.formValues()["lock_version"] ?? "") else {
            throw AppError.badRequest("Het formulier mist zijn versie.")
        }
        return version
    }

    /// The conflict page's rows: each field as stored now and as the user submitted it.
    static func conflictFields(stored: [RecordField], submitted: [RecordField]) -> [ConflictPanel.Field] {
        zip(stored, submitted).map { ConflictPanel.Field($0.label, stored: $0.text, submitted: $1.text) }
    }

    /// The notice after the redirect that follows a save (`?saved=`).
    static func savedNotice(_ request: Request) -> String? {
        switch request.query["saved"] {
        case "1": "De wijzigingen zijn opgeslagen."
        case "new": "Het gegeven is toegevoegd."
        case "import": "\(request.query["rows"] ?? "De") indicatoren zijn geïmporteerd."
        case "wachtwoord": "Wachtwoord ingesteld. U kunt nu inloggen."
        case "deellink-ingetrokken": "Deellink ingetrokken."
        case "ingetrokken": "De editie is ingetrokken. Ze blijft leesbaar voor wie is ingelogd."
        case "gepubliceerd": "De jaarrapportage is gepubliceerd."
        case "uitgelogd": "U bent uitgelogd."
        case "tweestaps": "De tweestapsverificatie is uitgezet. De gebruiker stelt haar bij de volgende keer inloggen opnieuw in."
        default: nil
        }
    }
}
