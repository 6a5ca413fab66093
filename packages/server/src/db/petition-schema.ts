/** Tables of the petition module (issue 6; migration 20261125_0600_create_petition). */

export interface PetitionerTable {
  id: string;
  courtId: string;
  name: string;
  /** SM4 ciphertext of the normalised 18-character number, context `petitioner.id_number:<id>`. */
  idNumberCipher: string | null;
  idNumberMasked: string | null;
  /** HMAC-SM3 blind index (crypto/sm4.ts idNumberBlindIndex); unique per court. */
  idNumberIndex: string | null;
  /** JSON: `PetitionerContact[]`. */
  contacts: string;
  address: string | null;
  remark: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PetitionerCaseTable {
  id: string;
  courtId: string;
  petitionerId: string;
  caseId: string;
  createdAt: string;
}

export interface PetitionerRelationTable {
  id: string;
  courtId: string;
  petitionerId: string;
  relatedId: string;
  createdAt: string;
}

export interface PetitionTable {
  id: string;
  courtId: string;
  channel: string;
  receivedOn: string;
  headcount: number;
  venueLevel: string;
  forwardedBy: string | null;
  nature: string;
  content: string;
  demands: string;
  outcome: string;
  /** JSON: `PetitionFlagView[]`. */
  flags: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PetitionPetitionerTable {
  id: string;
  courtId: string;
  petitionId: string;
  petitionerId: string;
  createdAt: string;
}

export interface PetitionCaseTable {
  id: string;
  courtId: string;
  petitionId: string;
  caseId: string;
  createdAt: string;
}

export interface PetitionStepTable {
  id: string;
  courtId: string;
  petitionId: string;
  kind: string;
  doneOn: string;
  days: number | null;
  until: string | null;
  note: string | null;
  createdBy: string | null;
  createdByName: string;
  createdAt: string;
}

export interface PetitionWarningTable {
  id: string;
  courtId: string;
  dedupeKey: string;
  ruleId: string;
  ruleVersion: number;
  domain: string;
  subtype: string;
  level: string;
  escalated: number;
  title: string;
  explanation: string;
  suggestedAction: string;
  /** JSON: `Citation[]`. */
  source: string;
  petitionId: string | null;
  petitionerId: string | null;
  /** JSON: string[]. */
  petitionerIds: string;
  /** JSON: string[]. */
  caseIds: string;
  active: number;
  /** 转为风险 (migration 0900): `pending` | `confirmed`. */
  status: string;
  riskId: string | null;
  triageNote: string | null;
  triagedBy: string | null;
  triagedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface StabilizationPlanTable {
  id: string;
  courtId: string;
  petitionerId: string;
  leaderName: string;
  leaderAccountId: string | null;
  /** JSON: string[]. */
  staff: string;
  /** JSON: string[]. */
  measures: string;
  /** JSON: string[]. */
  agencyIds: string;
  startedOn: string;
  reviewOn: string;
  createdBy: string | null;
  createdByName: string;
  createdAt: string;
}

export interface KeyPersonTable {
  id: string;
  courtId: string;
  petitionerId: string;
  listedOn: string;
  reason: string;
  reviewCadenceDays: number;
  lastReviewedOn: string | null;
  active: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface KeyPersonReviewTable {
  id: string;
  courtId: string;
  keyPersonId: string;
  reviewedOn: string;
  decision: string;
  opinion: string;
  createdBy: string | null;
  createdByName: string;
  createdAt: string;
}

export interface CounsellingSessionTable {
  id: string;
  courtId: string;
  petitionerId: string;
  heldOn: string;
  counsellor: string;
  form: string;
  emotionalState: string;
  notesCipher: string;
  nextOn: string | null;
  createdBy: string | null;
  createdByName: string;
  createdAt: string;
}

export interface FollowUpVisitTable {
  id: string;
  courtId: string;
  petitionerId: string;
  visitedOn: string;
  /** JSON: string[]. */
  visitors: string;
  method: string;
  attitude: string;
  findingsCipher: string;
  nextOn: string | null;
  createdBy: string | null;
  createdByName: string;
  createdAt: string;
}

export interface PetitionTables {
  petitioner: PetitionerTable;
  petitionerCase: PetitionerCaseTable;
  petitionerRelation: PetitionerRelationTable;
  petition: PetitionTable;
  petitionPetitioner: PetitionPetitionerTable;
  petitionCase: PetitionCaseTable;
  petitionStep: PetitionStepTable;
  petitionWarning: PetitionWarningTable;
  stabilizationPlan: StabilizationPlanTable;
  keyPerson: KeyPersonTable;
  keyPersonReview: KeyPersonReviewTable;
  counsellingSession: CounsellingSessionTable;
  followUpVisit: FollowUpVisitTable;
  courtPetitionSetting: CourtPetitionSettingTable;
}

/** 信访舆情设置 of one court that saved its own; `settings` is PetitionCourtSettings as JSON. */
export interface CourtPetitionSettingTable {
  id: string;
  courtId: string;
  settings: string;
  updatedBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
