import { Module } from '@nestjs/common';
import { VendorsAdminController } from './vendors-admin.controller';
import { VendorsController } from './vendors.controller';
import { VendorsService } from './vendors.service';

/** Partner software vendors: the list applicants pick from, maintained by platform admins. */
@Module({ controllers: [VendorsController, VendorsAdminController], providers: [VendorsService] })
export class VendorsModule {}
