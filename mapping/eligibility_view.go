package mapping

import "github.com/edigw/edigw/mapping/codes"

// eligibilityDescribers are the JSON view's code lists of the eligibility
// records (EligibilityInquiry, EligibilityResponse). They join describers
// when the package starts, from this file, so that the eligibility fields
// stay in one place. AAA is "validations" in these records (the guide's
// "request validation"): its reasons are the 270/271 list, which the 278's
// rejections do not share.
var eligibilityDescribers = map[string]*codes.List{
	"serviceTypes":           codes.ServiceType,
	"benefits.code":          codes.EligibilityBenefit,
	"coverageLevel":          codes.CoverageLevel,
	"benefits.insuranceType": codes.InsuranceType, // not the 837 SBR05 of Claim
	"timePeriod":             codes.TimePeriod,
	"inNetwork":              codes.NetworkIndicator,
	"authorizationRequired":  codes.AuthorizationIndicator,
	"validations.reason":     codes.RejectReason,
	"validations.followUp":   codes.FollowUpAction,
}

func init() {
	for field, l := range eligibilityDescribers {
		if describers[field] != nil {
			panic("mapping: JSON view field " + field + " described twice")
		}
		describers[field] = l
	}
}
