import type { ContractDto, LicenceDto, PlanDto, ProductDto } from '../../../contracts/entitlements.js';
import type { ContractRow, LicenceRow } from '../../repositories/licences.repository.js';
import type { PlanRow } from '../../repositories/plans.repository.js';
import { currentMajor, type ProductRow, type ProductVersionRow } from '../../repositories/products.repository.js';

/** The API face of a product with its versions. */
export function presentProduct(p: ProductRow, versions: ProductVersionRow[]): ProductDto {
  const own = versions.filter((v) => v.productId === p.id);
  return {
    id: p.id, code: p.code, name: p.name, currentMajor: currentMajor(own, p.id),
    versions: own.map((v) => ({ id: v.id, productId: v.productId, version: v.version, major: Number(v.major), releasedAt: v.releasedAt, supported: Number(v.supported) === 1 })),
    createdAt: p.createdAt, updatedAt: p.updatedAt,
  };
}

/** The API face of a plan. */
export function presentPlan(p: PlanRow): PlanDto {
  return {
    id: p.id, code: p.code, names: JSON.parse(p.names) as Record<string, string>, basis: p.basis as PlanDto['basis'], productId: p.productId,
    tier: p.tier as PlanDto['tier'], channels: JSON.parse(p.channels) as PlanDto['channels'], designatedEngineer: Number(p.designatedEngineer) === 1,
    premiumCreditsIncluded: Number(p.premiumCreditsIncluded), supportDays: p.supportDays === null ? null : Number(p.supportDays),
    versionRule: p.versionRule as PlanDto['versionRule'], active: Number(p.active) === 1, createdAt: p.createdAt, updatedAt: p.updatedAt,
  };
}

/** The API face of a licence. */
export function presentLicence(l: LicenceRow): LicenceDto {
  return {
    id: l.id, number: l.number, productId: l.productId, productCode: l.productCode, version: l.version, major: Number(l.major), purchasedOn: l.purchasedOn,
    organizationId: l.organizationId, organizationName: l.organizationName, seats: Number(l.seats), createdAt: l.createdAt, updatedAt: l.updatedAt,
  };
}

/** The API face of a contract. */
export function presentContract(c: ContractRow): ContractDto {
  return {
    id: c.id, number: c.number, organizationId: c.organizationId, organizationName: c.organizationName, planId: c.planId, planCode: c.planCode,
    productId: c.productId, startsOn: c.startsOn, endsOn: c.endsOn, createdAt: c.createdAt, updatedAt: c.updatedAt,
  };
}
