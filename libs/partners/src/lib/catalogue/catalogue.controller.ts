import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CLAIM_LABELS, EIDAS_LABELS, IDENTITY_CLAIMS } from '@federation/identity';
import {
  HABILITATION_STEP_LABELS,
  HABILITATION_STEPS,
  REQUESTABLE_EIDAS_LEVELS,
  type CatalogueView,
  type HabilitationStep,
} from '@federation/partners-contracts';

class ClaimEntry {
  @ApiProperty({ example: 'given_name' }) claim!: string;
  @ApiProperty({ example: 'Prénom(s)' }) label!: string;
}

class EidasEntry {
  @ApiProperty({ example: 'eidas1' }) level!: string;
  @ApiProperty({ example: 'Faible' }) label!: string;
}

class StepEntry {
  @ApiProperty({ enum: HABILITATION_STEPS }) step!: HabilitationStep;
  @ApiProperty({ example: 'Votre projet' }) label!: string;
}

class CatalogueResponse implements CatalogueView {
  @ApiProperty({ type: [ClaimEntry] }) claims!: ClaimEntry[];
  @ApiProperty({ type: [EidasEntry] }) eidasLevels!: EidasEntry[];
  @ApiProperty({ type: [StepEntry] }) steps!: StepEntry[];
}

/** Built once: the labels come from the code, not from the database. */
const CATALOGUE: CatalogueView = {
  claims: IDENTITY_CLAIMS.map((claim) => ({ claim, label: CLAIM_LABELS[claim] })),
  eidasLevels: REQUESTABLE_EIDAS_LEVELS.map((level) => ({ level, label: EIDAS_LABELS[level] })),
  steps: HABILITATION_STEPS.map((step) => ({ step, label: HABILITATION_STEP_LABELS[step] })),
};

@ApiTags('Catalogue')
@Controller('catalogue')
export class CatalogueController {
  @Get()
  @ApiOperation({ summary: 'Ce qu’une demande peut contenir : données, niveaux eIDAS, étapes (libellés français)', description: 'Public.' })
  @ApiOkResponse({ type: CatalogueResponse })
  get(): CatalogueView {
    return CATALOGUE;
  }
}
