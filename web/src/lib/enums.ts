// The registry's closed vocabularies (codes as the API stores them) and the
// catalogue keys of their labels.
export const RELATIONSHIPS = ['01', '10', '20', '30', '40', '50', '60', '70', '99'] as const;
export const LABOUR = ['ordinary', 'skilled', 'weak', 'lost', 'none'] as const;
export const EDUCATION = ['illiterate', 'primary', 'junior_secondary', 'senior_secondary', 'college', 'preschool'] as const;
export const ENROLMENT = [
  'not_enrolled', 'preschool', 'primary', 'junior_secondary', 'senior_secondary', 'vocational', 'higher', 'dropped_out',
] as const;
export const HEALTH = ['healthy', 'chronic_illness', 'serious_illness', 'disabled'] as const;
export const SEXES = ['male', 'female'] as const;
export const CADRE_KINDS = ['village_stationed', 'paired', 'poverty_officer', 'village_committee'] as const;
export const POVERTY_FILTERS = ['poor', 'registered_poor', 'lifted', 'marginal'] as const;
export const ROLES = [
  'county_admin', 'township_officer', 'village_cadre', 'paired_cadre', 'checkpoint_staff', 'enterprise',
  'system_admin', 'security_admin', 'audit_admin',
] as const;
export const ADMIN_ROLES = ['system_admin', 'security_admin', 'audit_admin'];
export const AUDIT_ACTIONS = [
  'create', 'update', 'delete', 'reveal', 'login', 'login_failed', 'logout', 'disable', 'enable', 'password_reset',
  'role_change', 'override', 'clear_override', 'open', 'fix', 'verify', 'return', 'auto_close', 'reopen', 'reassign',
  'import',
] as const;
export const AUDIT_ENTITIES = [
  'household', 'person', 'cadre', 'village_team', 'pairing', 'account', 'poverty_household', 'poverty_condition',
  'poverty_income', 'poverty_cause', 'poverty_member', 'assistance_measure', 'microcredit_loan', 'visit', 'gap_task',
  'risk_case', 'household_class', 'import',
] as const;

/** The API stores ethnicity as its Chinese name; the catalogue keys it by an ASCII name. */
export const ETHNICITIES: ReadonlyArray<readonly [string, string]> = [
  ['汉族', 'han'], ['蒙古族', 'mongol'], ['回族', 'hui'], ['藏族', 'tibetan'], ['维吾尔族', 'uyghur'], ['苗族', 'miao'],
  ['彝族', 'yi'], ['壮族', 'zhuang'], ['布依族', 'buyei'], ['朝鲜族', 'korean'], ['满族', 'manchu'], ['侗族', 'dong'],
  ['瑶族', 'yao'], ['白族', 'bai'], ['土家族', 'tujia'], ['哈尼族', 'hani'], ['哈萨克族', 'kazakh'], ['傣族', 'dai'],
  ['黎族', 'li'], ['傈僳族', 'lisu'], ['佤族', 'wa'], ['畲族', 'she'], ['高山族', 'gaoshan'], ['拉祜族', 'lahu'],
  ['水族', 'sui'], ['东乡族', 'dongxiang'], ['纳西族', 'nakhi'], ['景颇族', 'jingpo'], ['柯尔克孜族', 'kyrgyz'],
  ['土族', 'tu'], ['达斡尔族', 'daur'], ['仫佬族', 'mulao'], ['羌族', 'qiang'], ['布朗族', 'blang'], ['撒拉族', 'salar'],
  ['毛南族', 'maonan'], ['仡佬族', 'gelao'], ['锡伯族', 'xibe'], ['阿昌族', 'achang'], ['普米族', 'pumi'],
  ['塔吉克族', 'tajik'], ['怒族', 'nu'], ['乌孜别克族', 'uzbek'], ['俄罗斯族', 'russian'], ['鄂温克族', 'evenki'],
  ['德昂族', 'deang'], ['保安族', 'bonan'], ['裕固族', 'yugur'], ['京族', 'gin'], ['塔塔尔族', 'tatar'],
  ['独龙族', 'derung'], ['鄂伦春族', 'oroqen'], ['赫哲族', 'hezhen'], ['门巴族', 'monpa'], ['珞巴族', 'lhoba'],
  ['基诺族', 'jino'],
];
const ETHNICITY_KEY = new Map(ETHNICITIES);

/** Catalogue key for a value of a vocabulary, or null when the value is unknown (show it as is). */
export function labelKey(kind: string, value: string | null | undefined): string | null {
  if (!value) return null;
  switch (kind) {
    case 'relationship':
      return (RELATIONSHIPS as readonly string[]).includes(value) ? `relationship.r${value}` : null;
    case 'ethnicity': {
      const k = ETHNICITY_KEY.get(value);
      return k ? `ethnicity.${k}` : null;
    }
    case 'cadreKind':
      return (CADRE_KINDS as readonly string[]).includes(value) ? `cadre.kindNames.${value}` : null;
    case 'poverty':
      return ['registered_poor', 'lifted', 'marginal', 'poor'].includes(value) ? `poverty.${value}` : null;
    case 'auditAction':
      return (AUDIT_ACTIONS as readonly string[]).includes(value) ? `audit.actions.${value}` : null;
    case 'auditEntity':
      return (AUDIT_ENTITIES as readonly string[]).includes(value) ? `audit.entities.${value}` : null;
    case 'role':
      return (ROLES as readonly string[]).includes(value) ? `role.${value}` : null;
    default: {
      const lists: Record<string, readonly string[]> = {
        labour: LABOUR, education: EDUCATION, enrolment: ENROLMENT, health: HEALTH, sex: SEXES,
      };
      return lists[kind]?.includes(value) ? `${kind}.${value}` : null;
    }
  }
}
