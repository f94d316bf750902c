import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';

/** What a habilitation request can ask for, with the French labels the portal shows. Public. */
@Module({ controllers: [CatalogueController] })
export class CatalogueModule {}
