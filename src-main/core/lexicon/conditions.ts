/**
 * Words that name a medical condition, as a therapist's impression states the diagnosis treated
 * ("Assessment: cervical sprain-strain with ...", "Impression: s/p R TKA"). Nouns of injury,
 * disease and post-operative state, never findings or function words ("pain with lifting" names no
 * diagnosis; "low back pain" as an impression does, as ICD-10 M54.5 does).
 */
export const CONDITION =
  /\b(?:sprains?|strains?|sprain-strain|fractures?|fx|tears?|ruptures?|dislocations?|subluxations?|contusions?|lacerations?|tendinopathy|tendin(?:itis|osis)|tendonitis|bursitis|fasciitis|epicondylitis|capsulitis|synovitis|arthritis|osteoarthritis|OA|arthroplasty|radiculopathy|myelopathy|neuropathy|stenosis|spondylosis|spondylolisthesis|herniat(?:ion|ed)|HNP|DDD|degenerative|impingement|instability|whiplash|WAD|cervicalgia|lumbago|(?:low|lower|mid|upper) back pain|(?:neck|shoulder|knee|hip) pain|CVA|stroke|hemiparesis|hemiplegia|TBI|concussion|parkinson(?:'s|ism)?|multiple sclerosis|dysphagia|aphasia|dysarthria|apraxia|s\/p|status post|post-?op(?:erative)?|(?:carpal|cubital|tarsal) tunnel|syndrome|palsy|amputation|deconditioning)\b/i;
